package org.lantian.platform.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lantian.platform.airquality.AirQualityPeriods;
import org.lantian.platform.airquality.KeyCities;
import org.lantian.platform.airquality.KeyCityRanking;
import org.lantian.platform.enterprises.Grades;
import org.lantian.platform.enterprises.Whitelist;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.Actors;
import org.springframework.stereotype.Service;

/**
 * The numeric targets with their values: computed live from the platform's registers where it holds the data,
 * else the lead unit's latest accepted report; beside each the value expected by today (a count grows evenly
 * from the year's start to its deadline; a share, a rank or a ceiling on days is the target itself, or for days
 * the allowance used so far) and whether it is met.
 */
@Service
public class TargetBoard {

    /**
     * A target with its value now, what was expected by today, whether it is on course, where the value came from,
     * and its trend: the value {@link #TREND_DAYS} days earlier (a register's) or at the report before (a unit's).
     */
    public record Line(PlanItems.Target target, BigDecimal value, BigDecimal expected, Boolean onCourse, String basis, Progress.State state,
                       BigDecimal previous, String previousBasis) {

        /** Up, down or flat against the previous value, as a word for the page; null without one. */
        public String trend() {
            if (value == null || previous == null) {
                return null;
            }
            int c = value.compareTo(previous);
            return c > 0 ? "上升" : c < 0 ? "下降" : "持平";
        }
    }

    static final int TREND_DAYS = 30;

    private final Plans plans;
    private final Progress progress;
    private final AirQualityPeriods periods;
    private final KeyCityRanking keyCities;
    private final Whitelist whitelist;
    private final Grades grades;
    private final Actors actors;

    TargetBoard(Plans plans, Progress progress, AirQualityPeriods periods, KeyCityRanking keyCities, Whitelist whitelist, Grades grades,
                Actors actors) {
        this.plans = plans;
        this.progress = progress;
        this.periods = periods;
        this.keyCities = keyCities;
        this.whitelist = whitelist;
        this.grades = grades;
        this.actors = actors;
    }

    public List<Line> of(int year) {
        LocalDate today = progress.today();
        Map<String, Progress.State> states = progress.states(year, today);
        List<PlanItems.Project> projects = plans.projects(year);
        List<Line> lines = new ArrayList<>();
        for (PlanItems.Target t : plans.targets(year)) {
            Progress.State state = states.get(Progress.key(PlanItems.Kind.TARGET, t.id()));
            LocalDate upTo = t.deadline().isBefore(today) ? t.deadline() : today.minusDays(1);
            BigDecimal value;
            String basis;
            try {
                value = switch (t.source()) {
                    case REPORTED -> state.value();
                    case VOCS_PROJECTS_DONE -> BigDecimal.valueOf(projects.stream().filter(p -> p.annex() == 3)
                            .filter(p -> states.get(Progress.key(PlanItems.Kind.PROJECT, p.id())).status() == ItemStatus.DONE)
                            .mapToInt(PlanItems.Project::quantity).sum());
                    default -> actors.asSystem(() -> live(t.source(), year, upTo));
                };
                basis = t.source() == TargetSource.REPORTED ? (state.lastReportAt() == null ? "尚无经审核的报送" : "牵头单位报送（已审核）")
                        : t.source().label() + (upTo.isBefore(LocalDate.of(year, 1, 1)) ? "" : "，截至 " + upTo);
            } catch (RuntimeException unavailable) {
                value = null;
                basis = t.source().label() + "：暂无数据";
            }
            BigDecimal previous = null;
            String previousBasis = null;
            try {
                if (t.source() == TargetSource.REPORTED) {
                    previous = progress.previousAcceptedValue(t.id());
                    previousBasis = previous == null ? null : "上一次审核的报送";
                } else if (t.source() != TargetSource.VOCS_PROJECTS_DONE && !upTo.minusDays(TREND_DAYS).isBefore(LocalDate.of(year, 1, 1))) {
                    LocalDate earlier = upTo.minusDays(TREND_DAYS);
                    previous = actors.asSystem(() -> live(t.source(), year, earlier));
                    previousBasis = "截至 " + earlier;
                }
            } catch (RuntimeException unavailable) {
                previous = null;
            }
            BigDecimal expected = expected(t, year, today);
            Boolean onCourse = value == null ? null : t.comparison() == PlanItems.Comparison.AT_LEAST ? value.compareTo(expected) >= 0
                    : value.compareTo(expected) <= 0;
            lines.add(new Line(t, value, expected, onCourse, basis, state, previous, previousBasis));
        }
        return lines;
    }

    private BigDecimal live(TargetSource source, int year, LocalDate upTo) {
        LocalDate first = LocalDate.of(year, 1, 1);
        if (upTo.isBefore(first)) {
            return source == TargetSource.KEY_CITY_RANK ? null : BigDecimal.ZERO;
        }
        return switch (source) {
            case HEAVY_DAYS -> {
                var f = periods.area(Divisions.CITY_CODE, first, upTo);
                yield f.validDays() == 0 ? null : BigDecimal.valueOf(f.sandDust() != null ? f.sandDust().heavyDays() : f.heavyDays());
            }
            case KEY_CITY_RANK -> {
                var handan = keyCities.rank(KeyCities.KEY_CITIES_168, first, upTo).handan();
                yield handan == null || handan.rank() == null ? null : BigDecimal.valueOf(handan.rank());
            }
            case WHITELIST_SIZE -> BigDecimal.valueOf(whitelist.progress(year).included());
            case GRADE_A_GAINED -> BigDecimal.valueOf(cityGrades(year).upgradedToA());
            case GRADE_AB_GAINED -> BigDecimal.valueOf(cityGrades(year).upgradedToAOrB());
            default -> throw new IllegalStateException(source.name());
        };
    }

    private Grades.Progress cityGrades(int year) {
        return grades.progress(year).stream().filter(p -> p.areaCode().equals(Divisions.CITY_CODE)).findFirst().orElseThrow();
    }

    /**
     * What is expected by today: a count ("家", "项", "辆次", "辆", "台", "个", "天" under a floor) grows evenly
     * from the year's start to the deadline; a ceiling on days may be used up evenly; a share or a rank holds
     * throughout.
     */
    static BigDecimal expected(PlanItems.Target t, int year, LocalDate today) {
        boolean level = t.unit().equals("%") || t.unit().equals("名");
        if (level) {
            return t.target();
        }
        LocalDate start = LocalDate.of(year, 1, 1);
        long span = Math.max(1, ChronoUnit.DAYS.between(start, t.deadline()) + 1);
        long gone = Math.min(span, Math.max(0, ChronoUnit.DAYS.between(start, today)));
        return t.target().multiply(BigDecimal.valueOf(gone)).divide(BigDecimal.valueOf(span), 1, RoundingMode.HALF_EVEN);
    }
}
