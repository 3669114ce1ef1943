package org.lantian.platform.emergency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lantian.platform.airquality.AirQualityPeriods;
import org.lantian.platform.alerts.Ticket;
import org.lantian.platform.alerts.TicketSource;
import org.lantian.platform.alerts.TicketState;
import org.lantian.platform.alerts.Tickets;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.Actors;
import org.lantian.standards.BeijingTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A warning looked at afterwards (or while it runs): per county the plants told, confirmed, and found breaking
 * their measure with the disposal of those tickets, the compliance rate, the reductions planned over the span;
 * and for the city each day's forecast against the AQI observed.
 */
@Service
public class Evaluations {

    /** A county's part: {@code compliancePercent} = plants told without a breach ticket / plants told. */
    public record County(String countyCode, String name, int plantsTold, int confirmed, int plantsWithBreaches, int breachTickets,
                         int breachTicketsClosed, int breachTicketsOverdue, BigDecimal compliancePercent, Map<String, BigDecimal> plannedTonnes,
                         CemsCompliance.Achieved cems) {
    }

    /** One day of the span: the forecast (latest issue before the warning began) against the city's observed AQI. */
    public record Day(LocalDate day, Integer forecastLow, Integer forecastHigh, Integer observedAqi) {
    }

    public record Evaluation(long warningId, WarningLevel level, Instant from, Instant to, BigDecimal hours, List<Warnings.Span> spans,
                             List<County> counties, List<Day> days, String note) {
    }

    private final JdbcClient jdbc;
    private final Warnings warnings;
    private final Tickets tickets;
    private final CemsCompliance cems;
    private final AirQualityPeriods periods;
    private final Divisions divisions;
    private final Actors actors;
    private final Clock clock;

    Evaluations(JdbcClient jdbc, Warnings warnings, Tickets tickets, CemsCompliance cems, AirQualityPeriods periods, Divisions divisions, Actors actors, Clock clock) {
        this.jdbc = jdbc;
        this.warnings = warnings;
        this.tickets = tickets;
        this.cems = cems;
        this.periods = periods;
        this.divisions = divisions;
        this.actors = actors;
        this.clock = clock;
    }

    public Evaluation of(long warningId) {
        Warning w = warnings.find(warningId);
        Instant now = clock.instant();
        Instant to = w.endedAt().isBefore(now) ? w.endedAt() : now;
        Instant from = w.startsAt();
        BigDecimal hours = BigDecimal.valueOf(Math.max(0, Duration.between(from, to).toMinutes())).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_EVEN);
        var scope = actors.current().scope();
        Map<String, int[]> told = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT county_code, count(DISTINCT credit_code), count(DISTINCT credit_code) FILTER (WHERE confirmed_at IS NOT NULL)
                          FROM emergency_notice WHERE warning_id = ? AND action <> 'LIFTED' GROUP BY county_code ORDER BY county_code""")
                .param(warningId).query(rs -> {
                    told.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
                });
        List<Warnings.Span> spans = warnings.spans(w, to);
        Map<String, String> countyOf = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> byPlant = plannedByPlant(w, spans, countyOf);
        Map<String, Map<String, BigDecimal>> planned = new LinkedHashMap<>();
        byPlant.forEach((plant, tonnes) -> tonnes.forEach((pollutant, t) ->
                planned.computeIfAbsent(countyOf.get(plant), k -> new LinkedHashMap<>()).merge(pollutant, t, BigDecimal::add)));
        planned.values().forEach(t -> t.replaceAll((k, v) -> v.setScale(2, RoundingMode.HALF_EVEN)));
        List<County> counties = new ArrayList<>();
        List<String> area = w.citywide() ? divisions.countyLevelUnits().stream().map(d -> d.code()).toList() : w.counties();
        Map<String, CemsCompliance.Achieved> achieved = cems.achieved(w, to, area.stream().filter(scope::covers).toList(), byPlant);
        for (String county : area) {
            if (!told.containsKey(county) && !planned.containsKey(county)) {
                continue;
            }
            var entry = Map.entry(county, told.getOrDefault(county, new int[2]));
            if (!scope.covers(county)) {
                continue;
            }
            String ofThisWarning = Compliance.during(warningId);
            // raised during the warning or after it, when its data arrived late
            List<Ticket> breaches = tickets.list(new Tickets.Filter(county, from, null, null, null, TicketSource.EMERGENCY, null), 1000)
                    .stream().filter(t -> t.detail() != null && t.detail().contains(ofThisWarning)).toList();
            Set<String> plants = new HashSet<>();
            breaches.forEach(t -> plants.add(t.placeCode()));
            int closed = (int) breaches.stream().filter(t -> t.state() == TicketState.CLOSED).count();
            int overdue = (int) breaches.stream().filter(t -> t.overdueAt(now)).count();
            int n = entry.getValue()[0];
            BigDecimal rate = n == 0 ? null : BigDecimal.valueOf((n - plants.size()) * 100L).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_EVEN);
            counties.add(new County(county, divisions.find(county).map(d -> d.shortName()).orElse(county), n, entry.getValue()[1], plants.size(),
                    breaches.size(), closed, overdue, rate, planned.getOrDefault(county, Map.of()), achieved.get(county)));
        }
        return new Evaluation(warningId, w.level(), from, to, hours, spans, counties, days(w, from, to),
                "计划减排量 = 预警发布时各企业措施的日减排量 × 各级别时长之和；实测减排量 = 有在线监测的排放口每个有效小时的"
                        + "（预警前 7 天小时均值 − 该小时排放量）之和，与这些企业的计划减排量并列");
    }

    /**
     * Each plant's planned reduction (tonnes) over the warning's stretches: at each stretch's level, its measure as
     * it stood when the warning was issued, times the stretch's days. Fills {@code countyOf} with each plant's county.
     */
    private Map<String, Map<String, BigDecimal>> plannedByPlant(Warning w, List<Warnings.Span> spans, Map<String, String> countyOf) {
        Map<String, Map<String, BigDecimal>> planned = new LinkedHashMap<>();
        Instant at = w.measuresAt() == null ? w.issuedAt() : w.measuresAt();
        for (Warnings.Span span : spans) {
            BigDecimal days = span.days();
            jdbc.sql("""
                            SELECT DISTINCT ON (credit_code) credit_code, county_code, cut_so2, cut_nox, cut_pm, cut_vocs FROM emergency_plant_measure
                             WHERE level = ? AND recorded_at <= ? ORDER BY credit_code, revision DESC""")
                    .params(span.level().name(), Timestamp.from(at))
                    .query(rs -> {
                        countyOf.put(rs.getString(1), rs.getString(2));
                        Map<String, BigDecimal> t = planned.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>());
                        for (int i = 0; i < 4; i++) {
                            t.merge(Reduction.POLLUTANTS.get(i), rs.getBigDecimal(3 + i).multiply(days), BigDecimal::add);
                        }
                    });
        }
        return planned;
    }

    private List<Day> days(Warning w, Instant from, Instant to) {
        LocalDate first = LocalDate.ofInstant(from, BeijingTime.ZONE);
        LocalDate last = LocalDate.ofInstant(to.minusSeconds(1), BeijingTime.ZONE);
        Map<LocalDate, int[]> forecast = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT period_start, aqi_low, aqi_high FROM emergency_forecast
                         WHERE issued_at = (SELECT max(issued_at) FROM emergency_forecast WHERE issued_at <= ?)""")
                .param(Timestamp.from(w.issuedAt()))
                .query(rs -> {
                    forecast.put(LocalDate.ofInstant(rs.getTimestamp(1).toInstant(), BeijingTime.ZONE), new int[] {rs.getInt(2), rs.getInt(3)});
                });
        Map<LocalDate, Integer> observed = new LinkedHashMap<>();
        if (!last.isBefore(first)) {
            // the city's daily AQI is public: every county reads it beside its own warning
            actors.asSystem(() -> periods.dailyAqi(Divisions.CITY_CODE, first, last)).forEach(d -> observed.put(d.day(), d.aqi()));
        }
        List<Day> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            int[] f = forecast.get(d);
            days.add(new Day(d, f == null ? null : f[0], f == null ? null : f[1], observed.get(d)));
        }
        return days;
    }
}
