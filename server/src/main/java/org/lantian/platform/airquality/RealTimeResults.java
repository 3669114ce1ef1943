package org.lantian.platform.airquality;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.lantian.platform.identity.Actors;
import org.lantian.platform.monitoring.Observations;
import org.lantian.platform.monitoring.ObservationsRecorded;
import org.lantian.platform.monitoring.Stations;
import org.lantian.standards.BeijingTime;
import org.lantian.standards.Pollutant;
import org.lantian.standards.RuleSet;
import org.lantian.standards.aqi.AqiCalculator;
import org.lantian.standards.aqi.AqiOptions;
import org.lantian.standards.aqi.AqiResult;
import org.lantian.standards.aqi.Indicator;
import org.lantian.standards.assessment.DailyStatistics;
import org.lantian.standards.assessment.DailyValues;
import org.lantian.standards.assessment.Mean;
import org.lantian.standards.assessment.SpatialMean;
import org.lantian.standards.assessment.StationAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * Keeps the real-time AQI of stations, counties and the city current: when observations are recorded,
 * the hours they touch are recomputed (a changed hour also enters the 24-hour means of the 23 hours
 * after it), and so are the city's and counties' values of those hours. Results are provisional: they
 * come from real-time data until the month is reviewed ({@link ReviewedMonths}).
 */
@Service
class RealTimeResults {

    private static final Logger log = LoggerFactory.getLogger(RealTimeResults.class);
    private static final Duration CHUNK = Duration.ofDays(31);
    private static final Duration DAY = Duration.ofHours(24);
    private static final Pollutant[] COLUMNS = DayRows.HOUR_COLUMNS;

    private final Observations observations;
    private final Stations stations;
    private final Actors actors;
    private final JdbcTemplate jdbc;
    private final ResultsGeneration generation;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;
    private final RecomputationFailures failures;
    private final RecomputationLog recomputationLog;

    RealTimeResults(Observations observations, Stations stations, Actors actors, JdbcTemplate jdbc,
                    ResultsGeneration generation, org.springframework.context.ApplicationEventPublisher events, Clock clock,
                    RecomputationFailures failures, RecomputationLog recomputationLog) {
        this.failures = failures;
        this.recomputationLog = recomputationLog;
        this.events = events;
        this.observations = observations;
        this.stations = stations;
        this.actors = actors;
        this.jdbc = jdbc;
        this.generation = generation;
        this.clock = clock;
    }

    /** Recomputes at once, or, with Kafka, hands the event to whichever node's turn it is. */
    @ApplicationModuleListener
    void on(ObservationsRecorded event) {
        if (recomputationLog.enabled()) {
            recomputationLog.append(event);
        } else {
            recomputeFor(event);
        }
    }

    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void readRecomputationLog() {
        if (recomputationLog.enabled()) {
            recomputationLog.start(this::recomputeFor);
        }
    }

    private void recomputeFor(ObservationsRecorded event) {
        long started = System.nanoTime();
        actors.asSystem(() -> recompute(event.stationCodes(), event.firstPeriodEnd(), event.lastPeriodEnd()));
        log.debug("batch {}: real-time results recomputed in {} ms", event.batchId(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Recomputes what observations of {@code stationCodes} between {@code first} and {@code last} affect. */
    void recompute(Set<String> stationCodes, Instant first, Instant last) {
        // one recomputation at a time: two batches rewriting the same area hours must not interleave
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext('airquality.recompute'))");
        Instant end = last.plus(Duration.ofHours(23));
        HourlyAreas areas = new HourlyAreas(stations);
        for (Instant from = first; !from.isAfter(end); from = from.plus(CHUNK)) {
            Instant to = from.plus(CHUNK).minusSeconds(3600);
            to = to.isAfter(end) ? end : to;
            recomputeStations(stationCodes, from, to);
            recomputeAreas(areas, from, to);
            recomputeAreaDays(areas, dayOf(from), dayOf(to));
            settleReviewed(from, to);
        }
        generation.advanceAfterCommit();
        events.publishEvent(new StationHoursComputed(Set.copyOf(stationCodes), first, end));
    }

    /** Results of hours and days in reviewed months are final, not provisional. */
    void settleReviewed(Instant from, Instant to) {
        // real-time data arrive for months not yet reviewed: one look spares the four updates
        if (!Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM airquality_reviewed_month WHERE month BETWEEN date_trunc('month', ?::date) AND ?::date)",
                Boolean.class, java.sql.Date.valueOf(dayOf(from)), java.sql.Date.valueOf(dayOf(to))))) {
            return;
        }
        String reviewedHour = "date_trunc('month', (hour_end - interval '1 second') AT TIME ZONE 'Asia/Shanghai')::date"
                + " IN (SELECT month FROM airquality_reviewed_month)";
        String reviewedDay = "date_trunc('month', day)::date IN (SELECT month FROM airquality_reviewed_month)";
        Timestamp first = Timestamp.from(from);
        Timestamp last = Timestamp.from(to);
        java.sql.Date firstDay = java.sql.Date.valueOf(dayOf(from));
        java.sql.Date lastDay = java.sql.Date.valueOf(dayOf(to));
        jdbc.update("UPDATE airquality_station_hour SET provisional = false WHERE provisional AND hour_end BETWEEN ? AND ? AND "
                + reviewedHour, first, last);
        jdbc.update("UPDATE airquality_area_hour SET provisional = false WHERE provisional AND hour_end BETWEEN ? AND ? AND "
                + reviewedHour, first, last);
        jdbc.update("UPDATE airquality_station_day SET provisional = false WHERE provisional AND day BETWEEN ? AND ? AND "
                + reviewedDay, firstDay, lastDay);
        jdbc.update("UPDATE airquality_area_day SET provisional = false WHERE provisional AND day BETWEEN ? AND ? AND "
                + reviewedDay, firstDay, lastDay);
    }

    private void recomputeStations(Set<String> stationCodes, Instant from, Instant to) {
        Map<String, StationAccumulator> accumulators = new HashMap<>();
        Map<String, TreeSet<Instant>> hours = new HashMap<>();
        LocalDate firstDay = dayOf(from);
        LocalDate lastDay = dayOf(to);
        Instant fetchFrom = startOf(firstDay).minus(DAY);   // the day before: 24-hour means reach back into it
        for (Observations.HourlyValue v : observations.validHourly(stationCodes, fetchFrom, startOf(lastDay.plusDays(1)))) {
            Pollutant p = Pollutant.valueOf(v.pollutant());
            accumulators.computeIfAbsent(v.stationCode(), s -> new StationAccumulator()).put(p, v.periodEnd(), v.value());
            if (!v.periodEnd().isBefore(from) && !v.periodEnd().isAfter(to)) {
                hours.computeIfAbsent(v.stationCode(), s -> new TreeSet<>()).add(v.periodEnd());
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>();
        Set<String> computed = new TreeSet<>(stationCodes);
        hours.forEach((station, stationHours) -> {
            StationAccumulator values = accumulators.get(station);
            try {
                List<Object[]> stationRows = new ArrayList<>();
                for (Instant hour : stationHours) {
                    stationRows.add(stationHourRow(station, hour, values, now));
                }
                rows.addAll(stationRows);
            } catch (RuntimeException e) {
                computed.remove(station);
                accumulators.remove(station);
                failures.failed(RecomputationFailures.Kind.STATION, station, from, to, e);
            }
        });
        // a station that failed keeps the results it had; every other station's are replaced
        jdbc.update("DELETE FROM airquality_station_hour WHERE station_code = ANY(?) AND hour_end BETWEEN ? AND ?",
                computed.toArray(String[]::new), Timestamp.from(from), Timestamp.from(to));
        jdbc.batchUpdate("""
                INSERT INTO airquality_station_hour (station_code, hour_end, rule_set, so2, no2, pm10, co, o3, pm25, so2_24h,
                                                     aqi, computed_aqi, primary_pollutants, provisional, computed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?)""", rows.stream().map(r -> withoutCount(r)).toList());
        recomputeStationDays(computed, accumulators, firstDay, lastDay);
        failures.succeeded(RecomputationFailures.Kind.STATION, computed, from, to);
    }

    private static Object[] stationHourRow(String station, Instant hour, StationAccumulator values, Timestamp now) {
        Map<Pollutant, BigDecimal> concentrations = new EnumMap<>(Pollutant.class);
        for (Pollutant p : COLUMNS) {
            values.value(p, hour).ifPresent(v -> concentrations.put(p, v));
        }
        RuleSet rules = RuleSet.forDate(dayOf(hour));
        BigDecimal so2Daily = values.moving(Pollutant.SO2, hour, 24, DailyStatistics.MIN_HOURS_PER_DAY).map(Mean::value).orElse(null);
        return row(station, hour, rules, concentrations, so2Daily, values.realTime(hour, rules, AqiOptions.DEFAULTS), -1, now);
    }

    private void recomputeStationDays(Set<String> stationCodes, Map<String, StationAccumulator> accumulators,
                                      LocalDate firstDay, LocalDate lastDay) {
        List<Object[]> rows = new ArrayList<>();
        Set<String> computed = new TreeSet<>(stationCodes);
        accumulators.forEach((station, values) -> {
            if (!computed.contains(station)) {
                return;
            }
            try {
                List<Object[]> stationRows = new ArrayList<>();
                for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
                    DailyValues daily = values.day(day);
                    if (!daily.means().isEmpty() || daily.o3MaxEightHour().isPresent() || daily.o3MaxOneHour().isPresent()) {
                        stationRows.add(dayRow(station, daily, -1));
                    }
                }
                rows.addAll(stationRows);
            } catch (RuntimeException e) {
                computed.remove(station);
                failures.failed(RecomputationFailures.Kind.STATION, station, startOf(firstDay), startOf(lastDay.plusDays(1)), e);
            }
        });
        jdbc.update("DELETE FROM airquality_station_day WHERE station_code = ANY(?) AND day BETWEEN ? AND ?",
                computed.toArray(String[]::new), java.sql.Date.valueOf(firstDay), java.sql.Date.valueOf(lastDay));
        jdbc.batchUpdate("""
                INSERT INTO airquality_station_day (station_code, day, rule_set, so2, no2, pm10, co, pm25, o3_8h, o3_1h,
                                                    aqi, computed_aqi, primary_pollutants, provisional)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)""", rows.stream().map(r -> withoutCount(r)).toList());
    }

    /** Area days from the stations' stored days, for every day in the range. */
    private void recomputeAreaDays(HourlyAreas areas, LocalDate firstDay, LocalDate lastDay) {
        Map<LocalDate, Map<String, DailyValues>> byDay = new TreeMap<>();
        jdbc.query("SELECT * FROM airquality_station_day WHERE day BETWEEN ? AND ?", rs -> {
            LocalDate day = rs.getDate("day").toLocalDate();
            byDay.computeIfAbsent(day, d -> new HashMap<>()).put(rs.getString("station_code"), DayRows.read(rs));
        }, java.sql.Date.valueOf(firstDay), java.sql.Date.valueOf(lastDay));
        List<Object[]> rows = new ArrayList<>();
        Set<String> failed = new TreeSet<>();
        byDay.forEach((day, stationDays) -> areas.on(day).forEach((area, members) -> {
            List<DailyValues> memberDays = members.stream().map(stationDays::get).filter(java.util.Objects::nonNull).toList();
            if (!memberDays.isEmpty() && !failed.contains(area)) {
                try {
                    rows.add(dayRow(area, SpatialMean.day(day, memberDays, 1), memberDays.size()));
                } catch (RuntimeException e) {
                    failed.add(area);
                    failures.failed(RecomputationFailures.Kind.AREA, area, startOf(firstDay), startOf(lastDay.plusDays(1)), e);
                }
            }
        }));
        rows.removeIf(r -> failed.contains((String) r[0]));
        jdbc.update("DELETE FROM airquality_area_day WHERE day BETWEEN ? AND ? AND area_code <> ALL(?)",
                java.sql.Date.valueOf(firstDay), java.sql.Date.valueOf(lastDay), failed.toArray(String[]::new));
        jdbc.batchUpdate("""
                INSERT INTO airquality_area_day (area_code, day, rule_set, station_count, so2, no2, pm10, co, pm25, o3_8h, o3_1h,
                                                 aqi, computed_aqi, primary_pollutants, provisional)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)""", rows);
    }

    /** A day row: code, day, rule set, [station count], five means, MDA8, maximum 1-hour O3, AQI, computed AQI, primary. */
    private static Object[] dayRow(String code, DailyValues day, int stationCount) {
        RuleSet rules = RuleSet.forDate(day.date());
        AqiResult aqi = day.aqi(rules, AqiOptions.DEFAULTS);
        List<Object> row = new ArrayList<>(List.of(code, java.sql.Date.valueOf(day.date()), rules.name(), stationCount));
        row.addAll(DayRows.values(day));
        row.add(aqi.aqi().isPresent() ? aqi.aqi().getAsInt() : null);
        row.add(aqi.computedAqi().isPresent() ? aqi.computedAqi().getAsInt() : null);
        row.add(aqi.primary().stream().map(Pollutant::code).toArray(String[]::new));
        return row.toArray();
    }

    /** The start of a Beijing calendar day. */
    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(BeijingTime.ZONE).toInstant();
    }

    /** Area values of every hour in the range, from the stations' stored concentrations. */
    private void recomputeAreas(HourlyAreas areas, Instant from, Instant to) {
        Map<Instant, Map<String, Map<Pollutant, BigDecimal>>> byHour = new TreeMap<>();
        Map<Instant, Map<String, BigDecimal>> so2DailyByHour = new HashMap<>();
        jdbc.query("SELECT station_code, hour_end, so2, no2, pm10, co, o3, pm25, so2_24h FROM airquality_station_hour WHERE hour_end BETWEEN ? AND ?",
                rs -> {
                    Map<Pollutant, BigDecimal> c = new EnumMap<>(Pollutant.class);
                    for (int i = 0; i < COLUMNS.length; i++) {
                        BigDecimal v = rs.getBigDecimal(3 + i);
                        if (v != null) {
                            c.put(COLUMNS[i], v);
                        }
                    }
                    Instant hour = rs.getTimestamp(2).toInstant();
                    byHour.computeIfAbsent(hour, h -> new HashMap<>()).put(rs.getString(1), c);
                    BigDecimal so2Daily = rs.getBigDecimal(9);
                    if (so2Daily != null) {
                        so2DailyByHour.computeIfAbsent(hour, h -> new HashMap<>()).put(rs.getString(1), so2Daily);
                    }
                }, Timestamp.from(from), Timestamp.from(to));
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>();
        Set<String> failed = new TreeSet<>();
        byHour.forEach((hour, stationValues) -> {
            RuleSet rules = RuleSet.forDate(dayOf(hour));
            areas.on(dayOf(hour)).forEach((area, members) -> {
                if (failed.contains(area)) {
                    return;
                }
                try {
                    areaHourRow(area, members, hour, rules, stationValues, so2DailyByHour, now).ifPresent(rows::add);
                } catch (RuntimeException e) {
                    failed.add(area);
                    failures.failed(RecomputationFailures.Kind.AREA, area, from, to, e);
                }
            });
        });
        rows.removeIf(r -> failed.contains((String) r[0]));
        jdbc.update("DELETE FROM airquality_area_hour WHERE hour_end BETWEEN ? AND ? AND area_code <> ALL(?)",
                Timestamp.from(from), Timestamp.from(to), failed.toArray(String[]::new));
        jdbc.batchUpdate("""
                INSERT INTO airquality_area_hour (area_code, hour_end, rule_set, station_count, so2, no2, pm10, co, o3, pm25, so2_24h,
                                                  aqi, computed_aqi, primary_pollutants, provisional, computed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?)""", rows);
    }

    /** One area's row of an hour, from its member stations' concentrations; empty when none has data. */
    private static Optional<Object[]> areaHourRow(String area, java.util.Collection<String> members, Instant hour, RuleSet rules,
                                                  Map<String, Map<Pollutant, BigDecimal>> stationValues,
                                                  Map<Instant, Map<String, BigDecimal>> so2DailyByHour, Timestamp now) {
        Map<Pollutant, BigDecimal> means = new EnumMap<>(Pollutant.class);
        int stationsWithData = 0;
        for (Pollutant p : COLUMNS) {
            BigDecimal sum = BigDecimal.ZERO;
            int n = 0;
            for (String member : members) {
                BigDecimal v = stationValues.getOrDefault(member, Map.of()).get(p);
                if (v != null) {
                    sum = sum.add(v);
                    n++;
                }
            }
            if (n > 0) {
                means.put(p, new Mean(sum, n).value());
            }
            stationsWithData = Math.max(stationsWithData, n);
        }
        if (stationsWithData > 0) {
            Map<String, BigDecimal> so2Daily = so2DailyByHour.getOrDefault(hour, Map.of());
            BigDecimal areaSo2Daily = SpatialMean.mean(members.stream().map(so2Daily::get).filter(java.util.Objects::nonNull).toList(), 1)
                    .map(Mean::value).orElse(null);
            Map<Indicator, BigDecimal> inputs = oneHour(means);
            if (areaSo2Daily != null) {
                inputs.put(Indicator.daily(Pollutant.SO2), areaSo2Daily);
            }
            return Optional.of(row(area, hour, rules, means, areaSo2Daily,
                    AqiCalculator.realTime(rules, inputs, AqiOptions.DEFAULTS), stationsWithData, now));
        }
        return Optional.empty();
    }

    private static Map<Indicator, BigDecimal> oneHour(Map<Pollutant, BigDecimal> means) {
        Map<Indicator, BigDecimal> inputs = new EnumMap<>(Indicator.class);
        means.forEach((p, v) -> inputs.put(Indicator.hourly(p), v));
        return inputs;
    }

    /** A row: code, hour, rule set, [station count], six concentrations, SO2 24-hour mean, AQI (null = NA), computed AQI, primary, time. */
    private static Object[] row(String code, Instant hour, RuleSet rules, Map<Pollutant, BigDecimal> c, BigDecimal so2Daily,
                                AqiResult r, int stationCount, Timestamp now) {
        List<Object> row = new ArrayList<>(List.of(code, Timestamp.from(hour), rules.name(), stationCount));
        for (Pollutant p : COLUMNS) {
            row.add(c.get(p));
        }
        row.add(so2Daily);
        row.add(r.aqi().isPresent() ? r.aqi().getAsInt() : null);
        row.add(r.computedAqi().isPresent() ? r.computedAqi().getAsInt() : null);
        row.add(r.primary().stream().map(Pollutant::code).toArray(String[]::new));
        row.add(now);
        return row.toArray();
    }

    private static Object[] withoutCount(Object[] row) {
        Object[] result = new Object[row.length - 1];
        System.arraycopy(row, 0, result, 0, 3);
        System.arraycopy(row, 4, result, 3, row.length - 4);
        return result;
    }

    /** The day an hour belongs to: hour-ending labels put 00:00 in the day before. */
    static LocalDate dayOf(Instant hourEnd) {
        return hourEnd.minusSeconds(1).atZone(BeijingTime.ZONE).toLocalDate();
    }
}
