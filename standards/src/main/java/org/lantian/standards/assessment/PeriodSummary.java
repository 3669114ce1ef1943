package org.lantian.standards.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantian.standards.Gbt8170;
import org.lantian.standards.Pollutant;
import org.lantian.standards.RuleSet;

/**
 * A period's statistic of each pollutant, as the composite index and assessment take them: means of the
 * daily values for SO2, NO2, PM10 and PM2.5, the 95th percentile of daily CO, the 90th percentile of
 * daily MDA8 O3 (STANDARDS §2.6, §3.1). Values are unrounded; round them for display with {@link #rounded}.
 *
 * @param statistics  the statistic of each pollutant that had at least one valid day
 * @param validDays   how many valid daily values each pollutant had
 * @param dailySeries the daily values behind them, as published (O3: MDA8), in date order
 * @param sandDustDeducted how many days' PM10 and PM2.5 were left out as sand-and-dust days (§3.6)
 */
public record PeriodSummary(LocalDate from, LocalDate to, Map<Pollutant, BigDecimal> statistics,
                            Map<Pollutant, Integer> validDays, Map<Pollutant, List<BigDecimal>> dailySeries,
                            int sandDustDeducted) {

    /**
     * The statistics of the given days: daily values as published (integers, CO 1 decimal) averaged for SO2,
     * NO2, PM10 and PM2.5; the 95th percentile of daily CO and the 90th of daily MDA8 (STANDARDS §2.4, §2.6).
     */
    public static PeriodSummary of(LocalDate from, LocalDate to, List<DailyValues> days) {
        return of(from, to, days, java.util.Set.of());
    }

    /**
     * The same with sand-and-dust deduction: on the officially flagged {@code sandDustDays} PM10 and PM2.5
     * are left out of the means and percentiles (STANDARDS §3.6); the other pollutants keep those days.
     */
    public static PeriodSummary of(LocalDate from, LocalDate to, List<DailyValues> days, java.util.Set<LocalDate> sandDustDays) {
        Map<Pollutant, List<BigDecimal>> daily = new EnumMap<>(Pollutant.class);
        int deducted = 0;
        for (DailyValues values : days) {
            boolean sand = sandDustDays.contains(values.date());
            deducted += sand ? 1 : 0;
            values.means().forEach((p, m) -> {
                if (!(sand && (p == Pollutant.PM10 || p == Pollutant.PM2_5))) {
                    daily.computeIfAbsent(p, x -> new ArrayList<>()).add(m.rounded(p.decimals()));
                }
            });
            values.o3MaxEightHour().ifPresent(m -> daily.computeIfAbsent(Pollutant.O3, x -> new ArrayList<>()).add(m.rounded(0)));
        }
        return of(from, to, daily, deducted);
    }

    private static PeriodSummary of(LocalDate from, LocalDate to, Map<Pollutant, List<BigDecimal>> daily, int deducted) {
        Map<Pollutant, BigDecimal> statistics = new EnumMap<>(Pollutant.class);
        Map<Pollutant, Integer> counts = new EnumMap<>(Pollutant.class);
        daily.forEach((p, values) -> {
            counts.put(p, values.size());
            statistics.put(p, switch (p) {
                case CO -> Percentile.of(values, 95);
                case O3 -> Percentile.of(values, 90);
                default -> new Mean(values.stream().reduce(BigDecimal.ZERO, BigDecimal::add), values.size()).value();
            });
        });
        Map<Pollutant, List<BigDecimal>> series = new EnumMap<>(Pollutant.class);
        daily.forEach((p, values) -> series.put(p, List.copyOf(values)));
        return new PeriodSummary(from, to, Map.copyOf(statistics), Map.copyOf(counts), Map.copyOf(series), deducted);
    }

    /**
     * A statistic rounded as published (STANDARDS §2.5): integers and CO to 1 decimal; PM2.5 to 1 decimal
     * under the 2026 rules (HJ 663-2026 Table 3 as transcribed).
     */
    public Optional<BigDecimal> rounded(Pollutant pollutant, RuleSet rules) {
        int decimals = pollutant == Pollutant.PM2_5 && rules.is2026() ? 1 : pollutant.decimals();
        return Optional.ofNullable(statistics.get(pollutant)).map(v -> Gbt8170.round(v, decimals));
    }

    /** The calendar months the period touches, for {@link PeriodValidity}. */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** The composite index of the period, when all six statistics exist. */
    public Optional<CompositeIndex.Result> compositeIndex(CompositeIndex.Definition definition, CompositeIndex.Rounding rounding) {
        return statistics.size() == Pollutant.values().length
                ? Optional.of(CompositeIndex.compute(statistics, definition, rounding))
                : Optional.empty();
    }
}
