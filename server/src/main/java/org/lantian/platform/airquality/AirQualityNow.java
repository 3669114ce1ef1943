package org.lantian.platform.airquality;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.Scope;
import org.lantian.platform.monitoring.Station;
import org.lantian.platform.monitoring.Stations;
import org.lantian.standards.Gbt8170;
import org.lantian.standards.Pollutant;
import org.lantian.standards.RuleSet;
import org.lantian.standards.aqi.AqiCalculator;
import org.lantian.standards.aqi.AqiLevel;
import org.lantian.standards.aqi.AqiOptions;
import org.lantian.standards.aqi.AqiResult;
import org.lantian.standards.aqi.Indicator;
import org.lantian.standards.assessment.DailyStatistics;
import org.lantian.standards.assessment.Mean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The air as it is now: the city's and counties' real-time AQI of the latest hour, the city's day so far,
 * and the worst stations, within the actor's scope (a county user sees the city, its own county and its
 * own stations).
 */
@Service
public class AirQualityNow {

    private static final Pollutant[] COLUMNS = {Pollutant.SO2, Pollutant.NO2, Pollutant.PM10, Pollutant.CO, Pollutant.O3, Pollutant.PM2_5};

    private final JdbcClient jdbc;
    private final Actors actors;
    private final Stations stations;
    private final Divisions divisions;
    private final ResultsGeneration generation;
    private final Clock clock;

    AirQualityNow(JdbcClient jdbc, Actors actors, Stations stations, Divisions divisions, ResultsGeneration generation, Clock clock) {
        this.jdbc = jdbc;
        this.actors = actors;
        this.stations = stations;
        this.divisions = divisions;
        this.generation = generation;
        this.clock = clock;
    }

    /** One hour's real-time AQI of a station or an area; {@code aqi} null means "NA". */
    public record HourAqi(String code, String name, Instant hourEnd, String ruleSet, Integer aqi, Integer computedAqi,
                          List<String> primary, Map<Pollutant, BigDecimal> concentrations, boolean provisional) {

        public Optional<AqiLevel> level() {
            return aqi == null ? Optional.empty() : Optional.of(AqiLevel.of(aqi));
        }

        /** The level's colour, grey for "NA". */
        public String colour() {
            return level().map(AqiLevel::colourHex).orElse("#BBBBBB");
        }

        public String category() {
            return level().map(AqiLevel::category).orElse("—");
        }

        /** Text readable on the level's colour: dark on green, yellow and orange, white on the darker ones. */
        public String textColour() {
            return AirQualityNow.textOn(aqi);
        }

        /** Primary pollutants in the national network's names, "—" when there is none. */
        public String primaryText() {
            return primary.isEmpty() ? "—" : primary.stream().map(p -> Pollutant.valueOf(p).publishedName()).collect(Collectors.joining("、"));
        }
    }

    /**
     * The city's figures of today so far (not an official daily value until the day has 20 hours).
     *
     * @param hours hours of today with a city value
     */
    public record DaySoFar(LocalDate date, int hours, Integer aqi, List<String> primary, Map<Pollutant, BigDecimal> means) {

        public String colour() {
            return aqi == null ? "#BBBBBB" : AqiLevel.of(aqi).colourHex();
        }

        public String category() {
            return aqi == null ? "—" : AqiLevel.of(aqi).category();
        }

        public String textColour() {
            return AirQualityNow.textOn(aqi);
        }
    }

    /** Everything the overview shows of the present hour. */
    public record Now(Instant hourEnd, HourAqi city, List<HourAqi> counties, List<HourAqi> worstStations, DaySoFar citySoFar) {
    }

    /** The latest hour with a city value, or empty before any data arrived. */
    public Optional<Now> now() {
        Scope scope = actors.current().scope();
        return generation.get(List.of("now", scope), this::computeNow);
    }

    private Optional<Now> computeNow() {
        Optional<Instant> latest = latestCityHour();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Instant hour = latest.get();
        Scope scope = actors.current().scope();
        List<HourAqi> areas = jdbc.sql("SELECT * FROM airquality_area_hour WHERE hour_end = ? ORDER BY area_code")
                .param(Timestamp.from(hour))
                .query((rs, n) -> map(rs, "area_code", divisionName(rs.getString("area_code")))).list();
        HourAqi city = areas.stream().filter(a -> a.code().equals(Divisions.CITY_CODE)).findFirst().orElseThrow();
        Map<String, HourAqi> computed = areas.stream().collect(Collectors.toMap(HourAqi::code, a -> a));
        // a county whose stations all sent nothing that hour has no row, and is still shown, as "NA"
        List<HourAqi> counties = divisions.countyLevelUnits().stream()
                .filter(d -> scope.covers(d.code()))
                .map(d -> computed.containsKey(d.code()) ? computed.get(d.code()) : notAvailable(d.code(), d.shortName(), city))
                .sorted((a, b) -> Integer.compare(orNegative(b.aqi()), orNegative(a.aqi())))
                .toList();
        Map<String, Station> visible = stations.list(RealTimeResults.dayOf(hour)).stream()
                .filter(s -> Stations.HANDAN.equals(s.city()))
                .collect(Collectors.toMap(Station::code, s -> s));
        List<HourAqi> worst = jdbc.sql("""
                        SELECT * FROM airquality_station_hour WHERE hour_end = ? AND station_code = ANY(?) AND aqi IS NOT NULL
                         ORDER BY aqi DESC, station_code LIMIT 10""")
                .params(Timestamp.from(hour), visible.keySet().toArray(String[]::new))
                .query((rs, n) -> map(rs, "station_code", visible.get(rs.getString("station_code")).name())).list();
        return Optional.of(new Now(hour, city, counties, worst, citySoFar(hour)));
    }

    /** A station on the map: where it is and its AQI of the latest hour (null when it has none then). */
    public record StationOnMap(String code, String name, String stationClass, String countyCode, BigDecimal lon, BigDecimal lat,
                               Integer aqi, String colour, String category) {
    }

    /** Every visible Handan station with its position and real-time AQI of the latest city hour. */
    public List<StationOnMap> stationsOnMap() {
        Optional<Instant> hour = latestCityHour();
        LocalDate day = hour.map(RealTimeResults::dayOf).orElse(LocalDate.now(clock));
        Map<String, Integer> aqi = new java.util.HashMap<>();
        hour.ifPresent(h -> jdbc.sql("SELECT station_code, aqi FROM airquality_station_hour WHERE hour_end = ? AND aqi IS NOT NULL")
                .param(Timestamp.from(h)).query(rs -> {
                    aqi.put(rs.getString(1), rs.getInt(2));
                }));
        return stations.list(day).stream()
                .filter(s -> Stations.HANDAN.equals(s.city()) && s.lon() != null)
                .map(s -> {
                    Integer value = aqi.get(s.code());
                    return new StationOnMap(s.code(), s.name(), s.stationClass().label(), s.countyCode(), s.lon(), s.lat(), value,
                            value == null ? "#BBBBBB" : AqiLevel.of(value).colourHex(),
                            value == null ? "—" : AqiLevel.of(value).category());
                })
                .toList();
    }

    private Optional<Instant> latestCityHour() {
        return jdbc.sql("SELECT max(hour_end) FROM airquality_area_hour WHERE area_code = ?")
                .param(Divisions.CITY_CODE)
                .query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).optional();
    }

    /**
     * A station's real-time AQI of the hours with {@code from < hour end <= to}, oldest first.
     *
     * @throws org.lantian.platform.monitoring.NotFound when the station lies outside the actor's scope
     */
    public List<HourAqi> stationHours(String stationCode, Instant from, Instant to) {
        List<Station> history = stations.history(stationCode);
        if (history.isEmpty()) {
            throw new org.lantian.platform.monitoring.NotFound("station " + stationCode);
        }
        String name = history.get(history.size() - 1).name();
        return jdbc.sql("SELECT * FROM airquality_station_hour WHERE station_code = ? AND hour_end > ? AND hour_end <= ? ORDER BY hour_end")
                .params(stationCode, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> map(rs, "station_code", name)).list();
    }

    /** The real-time hours of the city or a county with {@code from < hour end <= to}; the caller checks the area's scope. */
    List<HourAqi> areaHours(String areaCode, Instant from, Instant to) {
        return jdbc.sql("SELECT * FROM airquality_area_hour WHERE area_code = ? AND hour_end > ? AND hour_end <= ? ORDER BY hour_end")
                .params(areaCode, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> map(rs, "area_code", divisionName(areaCode))).list();
    }

    /**
     * Every listed station's real-time hours with {@code from < hour end <= to}, for rules that compare
     * stations with each other (named by code). Reads regardless of the actor's scope: callers act for the
     * platform, never show this to a user.
     */
    public List<HourAqi> stationHoursForRules(java.util.Collection<String> stationCodes, Instant from, Instant to) {
        return jdbc.sql("SELECT * FROM airquality_station_hour WHERE station_code = ANY(?) AND hour_end > ? AND hour_end <= ? ORDER BY hour_end")
                .params(stationCodes.toArray(String[]::new), Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> map(rs, "station_code", rs.getString("station_code"))).list();
    }

    /** The city's and every county's real-time hours with {@code from < hour end <= to}, for rules (see above). */
    public List<HourAqi> areaHoursForRules(Instant from, Instant to) {
        return jdbc.sql("SELECT * FROM airquality_area_hour WHERE hour_end > ? AND hour_end <= ? ORDER BY hour_end")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> map(rs, "area_code", rs.getString("area_code"))).list();
    }

    /** The latest hour with a result since {@code since}, per station (stations without one are absent). */
    public Map<String, Instant> latestHourPerStation(Instant since) {
        Map<String, Instant> latest = new java.util.HashMap<>();
        jdbc.sql("SELECT station_code, max(hour_end) FROM airquality_station_hour WHERE hour_end > ? GROUP BY station_code")
                .param(Timestamp.from(since))
                .query(rs -> {
                    latest.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                });
        return latest;
    }

    /** Today's city figures so far: means of the hours so far and the highest 8-hour O3 mean so far. */
    private DaySoFar citySoFar(Instant latest) {
        LocalDate day = RealTimeResults.dayOf(latest);
        Instant dayStart = day.atStartOfDay(org.lantian.standards.BeijingTime.ZONE).toInstant();
        Map<Pollutant, BigDecimal[]> hours = new EnumMap<>(Pollutant.class);
        int[] count = {0};
        jdbc.sql("SELECT hour_end, so2, no2, pm10, co, o3, pm25 FROM airquality_area_hour WHERE area_code = ? AND hour_end > ? AND hour_end <= ?")
                .params(Divisions.CITY_CODE, Timestamp.from(dayStart), Timestamp.from(latest))
                .query(rs -> {
                    int index = (int) java.time.Duration.between(dayStart, rs.getTimestamp(1).toInstant()).toHours() - 1;
                    count[0]++;
                    for (int i = 0; i < COLUMNS.length; i++) {
                        hours.computeIfAbsent(COLUMNS[i], p -> new BigDecimal[24])[index] = rs.getBigDecimal(2 + i);
                    }
                });
        Map<Pollutant, BigDecimal> means = new EnumMap<>(Pollutant.class);
        Map<Indicator, BigDecimal> inputs = new EnumMap<>(Indicator.class);
        hours.forEach((p, values) -> {
            BigDecimal sum = BigDecimal.ZERO;
            int n = 0;
            for (BigDecimal v : values) {
                if (v != null) {
                    sum = sum.add(v);
                    n++;
                }
            }
            if (n == 0) {
                return;
            }
            if (p == Pollutant.O3) {
                Arrays.stream(DailyStatistics.eightHourMoving(values)).filter(java.util.Objects::nonNull).max(Mean::compareTo)
                        .ifPresent(m -> inputs.put(Indicator.O3_8H, m.value()));
            } else {
                BigDecimal mean = new Mean(sum, n).value();
                means.put(p, mean);
                inputs.put(Indicator.daily(p), mean);
            }
        });
        RuleSet rules = RuleSet.forDate(day);
        AqiResult result = AqiCalculator.daily(rules, inputs, AqiOptions.DEFAULTS.withDailyO3MaxOneHour(false));
        return new DaySoFar(day, count[0], result.computedAqi().isPresent() ? result.computedAqi().getAsInt() : null,
                result.primary().stream().map(Pollutant::publishedName).toList(), means);
    }

    public static String textOn(Integer aqi) {
        return aqi != null && AqiLevel.of(aqi).compareTo(AqiLevel.IV) >= 0 ? "#FFFFFF" : "#1D2733";
    }

    /** An area without a value in the city's hour, as "NA". */
    private static HourAqi notAvailable(String code, String name, HourAqi city) {
        return new HourAqi(code, name, city.hourEnd(), city.ruleSet(), null, null, List.of(), Map.of(), city.provisional());
    }

    private String divisionName(String code) {
        return divisions.find(code).map(d -> d.shortName()).orElse(code);
    }

    private static int orNegative(Integer aqi) {
        return aqi == null ? -1 : aqi;
    }

    private static HourAqi map(ResultSet rs, String codeColumn, String name) throws SQLException {
        Map<Pollutant, BigDecimal> c = new EnumMap<>(Pollutant.class);
        for (Pollutant p : COLUMNS) {
            BigDecimal v = rs.getBigDecimal(DayRows.column(p));
            if (v != null) {
                c.put(p, Gbt8170.round(v, p.decimals())); // as published; area means are stored exact
            }
        }
        Integer aqi = (Integer) rs.getObject("aqi");
        Integer computed = (Integer) rs.getObject("computed_aqi");
        List<String> primary = new ArrayList<>(Arrays.asList((String[]) rs.getArray("primary_pollutants").getArray()));
        return new HourAqi(rs.getString(codeColumn), name, rs.getTimestamp("hour_end").toInstant(), rs.getString("rule_set"),
                aqi, computed, primary, c, rs.getBoolean("provisional"));
    }
}
