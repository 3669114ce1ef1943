package org.lantian.platform.emergency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lantian.standards.BeijingTime;

/**
 * A version of the warning rules (STANDARDS §4.1, §4.2) as data: each level holds alternative clauses, each
 * clause conditions that must all hold, each condition an AQI threshold the forecast stays above (or at)
 * for at least so many consecutive hours. The proposed level is the highest whose clause holds.
 *
 * @param basis which end of a forecast's AQI range is compared: {@code UPPER} or {@code LOWER}
 * @param levels strictest first
 * @param reductionShares the share (%) of SO2, NOx, PM and VOCs emissions each level must cut
 */
public record WarningRule(String code, String name, String basis, List<Level> levels, Map<WarningLevel, Integer> reductionShares) {

    /** AQI above {@code above} (or at least {@code atLeast}) for at least {@code hours} consecutive hours. */
    public record Condition(Integer above, Integer atLeast, int hours) {

        boolean holdsFor(int aqi) {
            return above != null ? aqi > above : aqi >= atLeast;
        }

        String text() {
            return "AQI " + (above != null ? "> " + above : "≥ " + atLeast);
        }
    }

    public record Clause(List<Condition> all) {
    }

    public record Level(WarningLevel level, List<Clause> any) {
    }

    /** The level proposed (null: none) and why, in Chinese. */
    public record Proposal(WarningLevel level, String explanation) {
    }

    public Proposal propose(List<ForecastPeriod> forecast) {
        List<ForecastPeriod> periods = forecast.stream().sorted(java.util.Comparator.comparing(ForecastPeriod::start)).toList();
        if (periods.isEmpty()) {
            return new Proposal(null, "没有尚未过去的预报时段，无法提出预警建议");
        }
        for (Level level : levels) {
            for (Clause clause : level.any()) {
                List<String> met = new ArrayList<>();
                for (Condition c : clause.all()) {
                    Run run = longestRun(periods, c);
                    if (run.hours() < c.hours()) {
                        break;
                    }
                    met.add(c.text() + " 持续 " + run.hours() + " 小时（" + time(run.from()) + " 至 " + time(run.to()) + "，需 ≥ " + c.hours() + " 小时）");
                }
                if (met.size() == clause.all().size()) {
                    return new Proposal(level.level(), "按" + name + "：预计 " + String.join("，且 ", met) + "，建议发布" + level.level().label()
                            + "（按预报 AQI " + (basis.equals("LOWER") ? "下限" : "上限") + "）");
                }
            }
        }
        Level mildest = levels.get(levels.size() - 1);
        List<String> nearest = new ArrayList<>();
        for (Clause clause : mildest.any()) {
            for (Condition c : clause.all()) {
                nearest.add(c.text() + " 最长持续 " + longestRun(periods, c).hours() + " 小时（需 ≥ " + c.hours() + " 小时）");
            }
        }
        return new Proposal(null, "按" + name + "：未达预警条件，" + String.join("；", nearest));
    }

    private record Run(Instant from, Instant to) {
        long hours() {
            return from == null ? 0 : java.time.Duration.between(from, to).toHours();
        }
    }

    /** The longest stretch of back-to-back periods in which the condition holds. */
    private Run longestRun(List<ForecastPeriod> periods, Condition c) {
        Run best = new Run(null, null);
        Instant from = null;
        Instant to = null;
        for (ForecastPeriod p : periods) {
            int aqi = basis.equals("LOWER") ? p.aqiLow() : p.aqiHigh();
            if (!c.holdsFor(aqi)) {
                from = null;
                continue;
            }
            if (from == null || !p.start().equals(to)) {
                from = p.start();
            }
            to = p.end();
            Run run = new Run(from, to);
            if (run.hours() > best.hours()) {
                best = run;
            }
        }
        return best;
    }

    private static String time(Instant t) {
        var at = t.atZone(BeijingTime.ZONE);
        return at.getMonthValue() + "月" + at.getDayOfMonth() + "日" + String.format("%02d", at.getHour()) + "时";
    }
}
