package org.lantian.platform.airquality;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.lantian.platform.database.CopyIn;
import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.AuditLog;
import org.lantian.platform.monitoring.Averaging;
import org.lantian.platform.monitoring.ChinaSitesReader;
import org.lantian.platform.monitoring.IngestReport;
import org.lantian.platform.monitoring.NationalStationListReader;
import org.lantian.platform.monitoring.Observation;
import org.lantian.platform.monitoring.RowSink;
import org.lantian.standards.Pollutant;
import org.lantian.standards.assessment.DailyValues;
import org.lantian.standards.assessment.SpatialMean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The national network's public data for every city: the station list that maps stations to cities, and
 * the hourly files ({@code china_sites_YYYYMMDD.csv}) from which station days and city days are computed
 * the way HJ 663 computes Handan's. It feeds the key-city ranking and is kept apart from the monitoring
 * registry: these 1 700 stations are not Handan's to manage, and the ranking needs only their days.
 */
@Service
public class NationalNetwork {

    private static final Pollutant[] COLUMNS = DayRows.HOUR_COLUMNS;
    private static final int REPORTED_ERRORS = 200;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Actors actors;
    private final AuditLog audit;
    private final ResultsGeneration generation;

    NationalNetwork(JdbcTemplate jdbc, DataSource dataSource, Actors actors, AuditLog audit, ResultsGeneration generation) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.actors = actors;
        this.audit = audit;
        this.generation = generation;
    }

    public record StationListReport(int stations, int counted, int cities, List<IngestReport.RowError> errors) {
    }

    /**
     * Replaces the station-to-city mapping with a national station list (city office). Background and
     * stopped stations are kept but not counted. Every stored city day is recomputed with the new mapping.
     */
    @Transactional
    public StationListReport importStationList(Reader input, String reason) throws IOException {
        requireCityOffice("导入国家网站点列表");
        StationListReport report = replaceStationList(input);
        recomputeCityDays(null, null);
        generation.advanceAfterCommit();
        audit.record("airquality.network.station-list", "network", "stations", null, reason,
                Map.of("stations", report.stations(), "counted", report.counted(), "cities", report.cities()));
        return report;
    }

    /** One counted station of each city (the lowest code), for simulations. */
    public Map<String, String> firstCountedStations() {
        Map<String, String> result = new java.util.LinkedHashMap<>();
        jdbc.query("SELECT DISTINCT ON (city) city, station_code FROM airquality_network_station WHERE counted ORDER BY city, station_code",
                rs -> {
                    result.put(rs.getString(1), rs.getString(2));
                });
        return result;
    }

    /** Whether the loaded station list says where its stations are (lists loaded before V47 do not). */
    boolean hasStationPositions() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM airquality_network_station WHERE lon IS NOT NULL)",
                Boolean.class));
    }

    /** Fills in the positions of listed stations from a station list, changing nothing else. */
    @Transactional
    void addStationPositions(Reader input) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        for (NationalStationListReader.Listed s : NationalStationListReader.read(input).stations()) {
            if (s.lon() != null) {
                rows.add(new Object[] {s.lon(), s.lat(), s.code()});
            }
        }
        jdbc.batchUpdate("UPDATE airquality_network_station SET lon = ?, lat = ? WHERE station_code = ? AND lon IS NULL", rows);
    }

    /** A listed station of the national network: where it is, and whether it counts for its city. */
    public record ListedStation(String code, String name, String city, boolean counted, BigDecimal lon, BigDecimal lat) {
    }

    /** The listed stations of these cities (as the network names them, e.g. 邢台). */
    public List<ListedStation> stationsOf(java.util.Collection<String> cities) {
        return jdbc.query("SELECT * FROM airquality_network_station WHERE city = ANY(?) ORDER BY city, station_code",
                (rs, n) -> new ListedStation(rs.getString("station_code"), rs.getString("name"), rs.getString("city"), rs.getBoolean("counted"),
                        rs.getBigDecimal("lon"), rs.getBigDecimal("lat")), (Object) cities.toArray(String[]::new));
    }

    /** The latest revision of each hour of these stations with {@code from < hour end <= to}, oldest first. */
    public List<NetworkHour> hours(java.util.Collection<String> stationCodes, Instant from, Instant to) {
        return jdbc.query("""
                        SELECT DISTINCT ON (station_code, hour_end) station_code, hour_end, so2, no2, pm10, co, o3, pm25
                          FROM airquality_network_hour WHERE station_code = ANY(?) AND hour_end > ? AND hour_end <= ?
                         ORDER BY station_code, hour_end, revision DESC""",
                (rs, n) -> {
                    Map<Pollutant, BigDecimal> values = new java.util.EnumMap<>(Pollutant.class);
                    for (Pollutant p : COLUMNS) {
                        BigDecimal v = rs.getBigDecimal(p.name().toLowerCase(java.util.Locale.ROOT).replace("_", ""));
                        if (v != null) {
                            values.put(p, v);
                        }
                    }
                    return new NetworkHour(rs.getString(1), rs.getTimestamp(2).toInstant(), values);
                }, stationCodes.toArray(String[]::new), java.sql.Timestamp.from(from), java.sql.Timestamp.from(to));
    }

    /** One station's hour from the network's files: concentrations by pollutant (µg/m³, CO mg/m³). */
    public record NetworkHour(String stationCode, Instant hourEnd, Map<Pollutant, BigDecimal> values) {
    }

    /** Whether a station list has been loaded. */
    boolean hasStationList() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM airquality_network_station)", Boolean.class));
    }

    /** Loads a station list without the office check, for the bundled reference list on a first start. */
    @Transactional
    StationListReport replaceStationList(Reader input) throws IOException {
        NationalStationListReader.Result read = NationalStationListReader.read(input);
        jdbc.update("DELETE FROM airquality_network_station");
        List<Object[]> rows = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        List<IngestReport.RowError> errors = new ArrayList<>(read.errors());
        for (NationalStationListReader.Listed s : read.stations()) {
            if (!seen.add(s.code())) {
                errors.add(new IngestReport.RowError(s.line(), "监测点编码", "站点 " + s.code() + " 重复，以首次出现为准"));
                continue;
            }
            rows.add(new Object[] {s.code(), s.name(), s.city(), !s.background() && !s.stopped(), s.lon(), s.lat()});
        }
        jdbc.batchUpdate("INSERT INTO airquality_network_station (station_code, name, city, counted, lon, lat) VALUES (?, ?, ?, ?, ?, ?)", rows);
        int counted = (int) rows.stream().filter(r -> (Boolean) r[3]).count();
        int cities = (int) rows.stream().map(r -> r[2]).distinct().count();
        return new StationListReport(rows.size(), counted, cities, errors);
    }

    /**
     * @param stationHours station-hours the file held
     * @param inserted     hours new to Lantian; {@code revised}: hours whose values changed (a new revision)
     * @param unlisted     station columns not in the station list, skipped
     * @param days         the days whose station and city values were recomputed
     */
    public record HourlyFileReport(String fileName, int stationHours, int inserted, int revised, int unchanged,
                                   List<String> unlisted, List<LocalDate> days, int rejected,
                                   List<IngestReport.RowError> errors) {
    }

    /**
     * Imports one national-network daily file (city office): stores the six hourly concentrations of every
     * listed station and recomputes the station and city days they touch. Published derived types (AQI,
     * X_24h, O3_8h...) are not needed here and are not stored.
     */
    @Transactional
    public HourlyFileReport importHourlyFile(Reader input, String fileName) throws IOException {
        requireCityOffice("导入国家网数据文件");
        Set<String> listed = new java.util.HashSet<>(jdbc.queryForList("SELECT station_code FROM airquality_network_station", String.class));
        HourCollector hours = new HourCollector(listed::contains);
        new ChinaSitesReader(input).readInto(hours);
        int[] counts = store(hours, fileName);
        TreeSet<LocalDate> days = new TreeSet<>();
        hours.values.keySet().forEach(k -> days.add(RealTimeResults.dayOf(k.hourEnd())));
        if (!days.isEmpty()) {
            recomputeStationDays(hours.stations(), days.first(), days.last());
            recomputeCityDays(days.first(), days.last());
            generation.advanceAfterCommit();
        }
        List<IngestReport.RowError> errors = hours.errors;
        return new HourlyFileReport(fileName, hours.values.size(), counts[0], counts[1],
                hours.values.size() - counts[0] - counts[1], List.copyOf(new TreeSet<>(hours.unlisted)), List.copyOf(days),
                errors.size(), List.copyOf(errors.subList(0, Math.min(errors.size(), REPORTED_ERRORS))));
    }

    private record StationHour(String station, Instant hourEnd) {
    }

    /** Gathers a file's hourly concentrations per station-hour; published types are skipped. */
    private static final class HourCollector implements RowSink {
        private final java.util.function.Predicate<String> listed;
        private final Map<StationHour, BigDecimal[]> values = new java.util.LinkedHashMap<>();
        private final List<String> unlisted = new ArrayList<>();
        private final List<IngestReport.RowError> errors = new ArrayList<>();

        HourCollector(java.util.function.Predicate<String> listed) {
            this.listed = listed;
        }

        @Override
        public void accept(long line, Observation o) {
            if (o.averaging() != Averaging.HOUR) {
                return;
            }
            if (o.value().signum() < 0) {
                reject(line, o.stationCode(), "浓度不能为负：" + o.value().toPlainString());
                return;
            }
            int column = DayRows.hourColumn(Pollutant.valueOf(o.pollutant()));
            values.computeIfAbsent(new StationHour(o.stationCode(), o.periodEnd()), k -> new BigDecimal[COLUMNS.length])[column] = o.value();
        }

        @Override
        public void reject(long line, String field, String reason) {
            errors.add(new IngestReport.RowError(line, field, reason));
        }

        @Override
        public boolean rejectColumn(long headerLine, String stationCode) {
            if (listed.test(stationCode)) {
                return false;
            }
            unlisted.add(stationCode);
            return true;
        }

        Set<String> stations() {
            Set<String> stations = new java.util.HashSet<>();
            values.keySet().forEach(k -> stations.add(k.station()));
            return stations;
        }
    }

    /** Stores the hours; returns {inserted, revised}. */
    private int[] store(HourCollector hours, String fileName) {
        jdbc.execute("""
                CREATE TEMP TABLE IF NOT EXISTS airquality_network_staging (
                    station_code text, hour_end timestamptz, so2 numeric, no2 numeric, pm10 numeric, co numeric,
                    o3 numeric, pm25 numeric) ON COMMIT DELETE ROWS""");
        copy(hours.values);
        List<Integer> revisions = jdbc.queryForList("""
                INSERT INTO airquality_network_hour (station_code, hour_end, revision, so2, no2, pm10, co, o3, pm25, file_name, recorded_at)
                SELECT s.station_code, s.hour_end, coalesce(h.revision + 1, 0), coalesce(s.so2, h.so2), coalesce(s.no2, h.no2),
                       coalesce(s.pm10, h.pm10), coalesce(s.co, h.co), coalesce(s.o3, h.o3), coalesce(s.pm25, h.pm25), ?, now()
                  FROM airquality_network_staging s
                  LEFT JOIN LATERAL (SELECT * FROM airquality_network_hour h
                                      WHERE h.station_code = s.station_code AND h.hour_end = s.hour_end
                                      ORDER BY h.revision DESC LIMIT 1) h ON true
                 WHERE h.station_code IS NULL
                    OR (coalesce(s.so2, h.so2), coalesce(s.no2, h.no2), coalesce(s.pm10, h.pm10), coalesce(s.co, h.co),
                        coalesce(s.o3, h.o3), coalesce(s.pm25, h.pm25))
                       IS DISTINCT FROM (h.so2, h.no2, h.pm10, h.co, h.o3, h.pm25)
                RETURNING revision""", Integer.class, fileName);
        int inserted = (int) revisions.stream().filter(r -> r == 0).count();
        return new int[] {inserted, revisions.size() - inserted};
    }

    private void copy(Map<StationHour, BigDecimal[]> values) {
        CopyIn.copy(dataSource, "COPY airquality_network_staging FROM STDIN", out -> {
            StringBuilder row = new StringBuilder(96);
            for (Map.Entry<StationHour, BigDecimal[]> e : values.entrySet()) {
                row.setLength(0);
                row.append(e.getKey().station()).append('\t').append(e.getKey().hourEnd());
                for (BigDecimal v : e.getValue()) {
                    row.append('\t').append(v == null ? "\\N" : v.toPlainString());
                }
                out.write(row.append('\n').toString());
            }
            return null;
        });
    }

    /** Station days of {@code stations} from their latest hourly revisions, for every day in the range. */
    private void recomputeStationDays(Set<String> stations, LocalDate first, LocalDate last) {
        Map<String, Map<LocalDate, BigDecimal[][]>> byStation = new HashMap<>();
        jdbc.query("""
                SELECT DISTINCT ON (station_code, hour_end) station_code, hour_end, so2, no2, pm10, co, o3, pm25
                  FROM airquality_network_hour
                 WHERE station_code = ANY(?) AND hour_end > ? AND hour_end <= ?
                 ORDER BY station_code, hour_end, revision DESC""", rs -> {
            Instant end = rs.getTimestamp(2).toInstant();
            LocalDate day = RealTimeResults.dayOf(end);
            int hour = (int) java.time.Duration.between(RealTimeResults.startOf(day), end).toHours() - 1;
            BigDecimal[][] dayValues = byStation.computeIfAbsent(rs.getString(1), s -> new HashMap<>())
                    .computeIfAbsent(day, d -> new BigDecimal[COLUMNS.length][24]);
            for (int i = 0; i < COLUMNS.length; i++) {
                dayValues[i][hour] = rs.getBigDecimal(3 + i);
            }
        }, stations.toArray(String[]::new), Timestamp.from(RealTimeResults.startOf(first)),
                Timestamp.from(RealTimeResults.startOf(last.plusDays(1))));
        List<Object[]> rows = new ArrayList<>();
        byStation.forEach((station, days) -> days.forEach((day, values) -> {
            DailyValues daily = DailyValues.of(day, p -> values[DayRows.hourColumn(p)]);
            rows.add(dayRow(station, daily, null));
        }));
        jdbc.update("DELETE FROM airquality_network_station_day WHERE station_code = ANY(?) AND day BETWEEN ? AND ?",
                stations.toArray(String[]::new), Date.valueOf(first), Date.valueOf(last));
        jdbc.batchUpdate("""
                INSERT INTO airquality_network_station_day (station_code, day, so2, no2, pm10, co, pm25, o3_8h, o3_1h)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** City days from the counted stations' days; the whole record when {@code first} is null. */
    private void recomputeCityDays(LocalDate first, LocalDate last) {
        LocalDate from = first == null ? LocalDate.of(1, 1, 1) : first;
        LocalDate to = last == null ? LocalDate.of(9999, 12, 31) : last;
        Map<String, Map<LocalDate, List<DailyValues>>> byCity = new HashMap<>();
        jdbc.query("""
                SELECT n.city, d.* FROM airquality_network_station_day d
                  JOIN airquality_network_station n ON n.station_code = d.station_code AND n.counted
                 WHERE d.day BETWEEN ? AND ?""", rs -> {
            byCity.computeIfAbsent(rs.getString("city"), c -> new HashMap<>())
                    .computeIfAbsent(rs.getDate("day").toLocalDate(), d -> new ArrayList<>()).add(DayRows.read(rs));
        }, Date.valueOf(from), Date.valueOf(to));
        List<Object[]> rows = new ArrayList<>();
        byCity.forEach((city, days) -> days.forEach((day, stationDays) ->
                rows.add(dayRow(city, SpatialMean.day(day, stationDays, 1), stationDays.size()))));
        jdbc.update("DELETE FROM airquality_network_city_day WHERE day BETWEEN ? AND ?", Date.valueOf(from), Date.valueOf(to));
        jdbc.batchUpdate("""
                INSERT INTO airquality_network_city_day (city, day, station_count, so2, no2, pm10, co, pm25, o3_8h, o3_1h)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** code, day, [station count], then the day's values ({@link DayRows#values}). */
    private static Object[] dayRow(String code, DailyValues day, Integer stationCount) {
        List<Object> row = new ArrayList<>(List.of(code, Date.valueOf(day.date())));
        if (stationCount != null) {
            row.add(stationCount);
        }
        row.addAll(DayRows.values(day));
        return row.toArray();
    }

    /** The stored days of a city, for period figures. */
    List<DailyValues> cityDays(String city, LocalDate from, LocalDate to) {
        return jdbc.query("SELECT * FROM airquality_network_city_day WHERE city = ? AND day BETWEEN ? AND ? ORDER BY day",
                (rs, n) -> DayRows.read(rs), city, Date.valueOf(from), Date.valueOf(to));
    }

    /** The stored days of every city in a period, by city. */
    Map<String, List<DailyValues>> cityDays(LocalDate from, LocalDate to) {
        Map<String, List<DailyValues>> byCity = new HashMap<>();
        jdbc.query("SELECT * FROM airquality_network_city_day WHERE day BETWEEN ? AND ? ORDER BY day", rs -> {
            byCity.computeIfAbsent(rs.getString("city"), c -> new ArrayList<>()).add(DayRows.read(rs));
        }, Date.valueOf(from), Date.valueOf(to));
        return byCity;
    }

    private void requireCityOffice(String what) {
        if (!actors.current().isCityOffice()) {
            throw new AccessDenied(actors.current().username() + " 无权" + what);
        }
    }
}
