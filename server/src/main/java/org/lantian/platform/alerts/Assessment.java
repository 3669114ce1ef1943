package org.lantian.platform.alerts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actor;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.Role;
import org.lantian.standards.BeijingTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How each county and department handled what was pushed to it in a period (严格高值推送办理结果考核):
 * tickets pushed in the period, counted on their present state.
 * <ul>
 * <li>received on time: received no later than the receipt deadline;</li>
 * <li>disposed on time: first report no later than the disposal deadline (a return does not restart the clock);</li>
 * <li>overdue: the disposal deadline passed before any report;</li>
 * <li>disposal minutes: from the push to the first report, mean and p90 (type 7, as numpy's default);</li>
 * <li>effective rate: effective among the judged;</li>
 * <li>fire points out in time: fire points reported within their 30 minutes.</li>
 * </ul>
 * Ranked by the on-time disposal rate, then by fewer overdue, then by the shorter mean.
 */
@Service
public class Assessment {

    private final JdbcClient jdbc;
    private final Actors actors;
    private final java.time.Clock clock;
    private final org.lantian.platform.geo.Divisions divisions;

    Assessment(JdbcClient jdbc, Actors actors, java.time.Clock clock, org.lantian.platform.geo.Divisions divisions) {
        this.divisions = divisions;
        this.jdbc = jdbc;
        this.actors = actors;
        this.clock = clock;
    }

    /** One unit's figures; rates in percent to one decimal, null when there is nothing to divide. */
    public record Row(int rank, String unit, String name, boolean department, int pushed, int receivedOnTime, int disposedOnTime, int overdue,
                      int open, int returned, BigDecimal meanMinutes, BigDecimal p90Minutes, int judged, int effective,
                      BigDecimal onTimeRate, BigDecimal effectiveRate, int firePoints, int firePointsInTime) {

        Row withRank(int place) {
            return new Row(place, unit, name, department, pushed, receivedOnTime, disposedOnTime, overdue, open, returned, meanMinutes,
                    p90Minutes, judged, effective, onTimeRate, effectiveRate, firePoints, firePointsInTime);
        }
    }

    /** The half-month holding {@code day}: the 1st to the 15th, or the 16th to the month's end (end exclusive). */
    public static LocalDate[] halfMonthOf(LocalDate day) {
        LocalDate start = day.getDayOfMonth() <= 15 ? day.withDayOfMonth(1) : day.withDayOfMonth(16);
        LocalDate end = day.getDayOfMonth() <= 15 ? day.withDayOfMonth(16) : day.withDayOfMonth(1).plusMonths(1);
        return new LocalDate[] {start, end};
    }

    /** The period asked for, or the current half-month when neither end is given. */
    public LocalDate[] periodOrCurrent(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return halfMonthOf(AlertTimes.date(clock.instant()));
        }
        if (from == null || to == null) {
            throw new IllegalArgumentException("from、to：开始和结束日期应同时给出或都不给");
        }
        return new LocalDate[] {from, to};
    }

    /** Counties (by code) and, below them, departments, for tickets pushed from {@code from} up to {@code to}. */
    public List<Row> of(LocalDate from, LocalDate to) {
        Actor actor = actors.current();
        if (actor.role() == Role.ENTERPRISE) {
            throw new AccessDenied(actor.username() + " 无权查看办理考核");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from：开始日期 " + from + " 应早于结束日期 " + to);
        }
        Timestamp start = Timestamp.from(from.atStartOfDay(BeijingTime.ZONE).toInstant());
        Timestamp end = Timestamp.from(to.atStartOfDay(BeijingTime.ZONE).toInstant());
        boolean citywide = actor.scope().citywide();
        List<Row> counties = rank(figures("county_code", citywide ? "true" : "county_code = ANY(?)",
                citywide ? List.of() : List.<Object>of((Object) actor.scope().countyArray()), start, end, false));
        List<Row> departments = citywide ? rank(figures("department", "department IS NOT NULL", List.of(), start, end, true)) : List.of();
        List<Row> all = new ArrayList<>(counties);
        all.addAll(departments);
        return all;
    }

    /** A county's problems of the two kinds the plan's quantified accountability counts (扬尘、露天焚烧量化问责). */
    public record Causes(String countyCode, int dust, int burning) {
    }

    /**
     * Per county, the tickets pushed from {@code from} up to {@code to} whose disposal found construction or road
     * dust, and those of open burning (fire points, and tickets whose cause was found to be burning), each once.
     */
    public List<Causes> causes(LocalDate from, LocalDate to) {
        Actor actor = actors.current();
        if (actor.role() == Role.ENTERPRISE) {
            throw new AccessDenied(actor.username() + " 无权查看办理考核");
        }
        return jdbc.sql("""
                        SELECT county_code, count(*) FILTER (WHERE cause_category = 'DUST'),
                               count(*) FILTER (WHERE source = 'FIRE_POINT' OR cause_category = 'BURNING')
                          FROM alerts_ticket WHERE pushed_at >= ? AND pushed_at < ? AND county_code IS NOT NULL AND (? OR county_code = ANY(?))
                         GROUP BY county_code ORDER BY county_code""")
                .params(Timestamp.from(from.atStartOfDay(BeijingTime.ZONE).toInstant()), Timestamp.from(to.atStartOfDay(BeijingTime.ZONE).toInstant()),
                        actor.scope().citywide(), actor.scope().countyArray())
                .query((rs, n) -> new Causes(rs.getString(1), rs.getInt(2), rs.getInt(3))).list();
    }

    private List<Row> figures(String unitColumn, String condition, List<Object> conditionParams, Timestamp start, Timestamp end,
                              boolean department) {
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(clock.instant()), start, end));
        params.addAll(conditionParams);
        return jdbc.sql("""
                        SELECT %1$s AS unit, count(*) AS pushed,
                               count(*) FILTER (WHERE received_at <= receipt_due) AS received_on_time,
                               count(*) FILTER (WHERE first_reported_at <= disposal_due) AS disposed_on_time,
                               count(*) FILTER (WHERE COALESCE(first_reported_at, ?) > disposal_due) AS overdue,
                               count(*) FILTER (WHERE state <> 'CLOSED') AS open,
                               COALESCE(sum(returns), 0) AS returned,
                               avg(extract(epoch FROM first_reported_at - pushed_at) / 60) AS mean_minutes,
                               percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM first_reported_at - pushed_at) / 60) AS p90_minutes,
                               count(effective) AS judged, count(*) FILTER (WHERE effective) AS effective,
                               count(*) FILTER (WHERE source = 'FIRE_POINT') AS fire_points,
                               count(*) FILTER (WHERE source = 'FIRE_POINT' AND first_reported_at <= disposal_due) AS fire_points_in_time
                          FROM alerts_ticket
                         WHERE pushed_at >= ? AND pushed_at < ? AND %2$s
                         GROUP BY %1$s""".formatted(unitColumn, condition))
                .params(params)
                .query((rs, n) -> {
                    int pushed = rs.getInt("pushed");
                    int onTime = rs.getInt("disposed_on_time");
                    int judged = rs.getInt("judged");
                    int effective = rs.getInt("effective");
                    String unit = rs.getString("unit");
                    String name = department ? unit : divisions.find(unit).map(org.lantian.platform.geo.Division::shortName).orElse(unit);
                    return new Row(0, unit, name, department, pushed, rs.getInt("received_on_time"), onTime, rs.getInt("overdue"),
                            rs.getInt("open"), rs.getInt("returned"), oneDecimal(rs.getBigDecimal("mean_minutes")),
                            oneDecimal(rs.getBigDecimal("p90_minutes")), judged, effective, percent(onTime, pushed), percent(effective, judged),
                            rs.getInt("fire_points"), rs.getInt("fire_points_in_time"));
                }).list();
    }

    private static List<Row> rank(List<Row> rows) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(Row::onTimeRate, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparingInt(Row::overdue)
                .thenComparing(Row::meanMinutes, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Row::unit));
        List<Row> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Row r = sorted.get(i);
            Row previous = i == 0 ? null : ranked.get(i - 1);
            boolean tie = previous != null && java.util.Objects.equals(previous.onTimeRate(), r.onTimeRate())
                    && previous.overdue() == r.overdue() && java.util.Objects.equals(previous.meanMinutes(), r.meanMinutes());
            ranked.add(r.withRank(tie ? previous.rank() : i + 1));
        }
        return ranked;
    }

    private static BigDecimal percent(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal oneDecimal(BigDecimal v) {
        return v == null ? null : v.setScale(1, RoundingMode.HALF_UP);
    }
}
