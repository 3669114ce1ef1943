package org.lantian.platform.monitoring;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.lantian.platform.geo.Division;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actor;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.AuditLog;
import org.lantian.platform.identity.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The station registry: each station's identity and its dated history (class, owning unit, position,
 * membership of the city's assessment set). Every read is limited to the current actor's county scope.
 */
@Service
public class Stations {

    /** The city name the national network uses for Handan's stations. */
    public static final String HANDAN = "邯郸";

    private static final String SELECT = """
            SELECT s.code, s.name, s.city, s.pollutants, s.demo, v.station_class, v.county_code, v.zone_code,
                   v.lon, v.lat, v.in_city_assessment, v.valid_from, v.valid_to, v.note
              FROM monitoring_station s
              JOIN monitoring_station_version v ON v.station_code = s.code
            """;
    private static final String VALID_ON = "(v.valid_from IS NULL OR v.valid_from <= :day) AND (v.valid_to IS NULL OR v.valid_to > :day)";
    private static final String IN_SCOPE = "(:citywide OR v.county_code = ANY(:counties))";

    private final JdbcClient jdbc;
    private final Actors actors;
    private final Divisions divisions;
    private final AuditLog audit;
    private final Clock clock;

    Stations(JdbcClient jdbc, Actors actors, Divisions divisions, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.actors = actors;
        this.divisions = divisions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Stations as they were on {@code day}, within the actor's scope, ordered by class then code. */
    public List<Station> list(LocalDate day) {
        Scope scope = actors.current().scope();
        return jdbc.sql(SELECT + " WHERE " + VALID_ON + " AND " + IN_SCOPE + " ORDER BY v.station_class, s.code")
                .param("day", Date.valueOf(day))
                .param("citywide", scope.citywide())
                .param("counties", scope.countyArray())
                .query(Stations::map).list();
    }

    /** The station as it was on {@code day}, if it existed then and is within the actor's scope. */
    public Optional<Station> find(String code, LocalDate day) {
        Scope scope = actors.current().scope();
        return jdbc.sql(SELECT + " WHERE s.code = :code AND " + VALID_ON + " AND " + IN_SCOPE)
                .param("code", code)
                .param("day", Date.valueOf(day))
                .param("citywide", scope.citywide())
                .param("counties", scope.countyArray())
                .query(Stations::map).optional();
    }

    /** Every version of a station, oldest first; empty when no version is within the actor's scope. */
    public List<Station> history(String code) {
        Scope scope = actors.current().scope();
        List<Station> versions = jdbc.sql(SELECT + " WHERE s.code = :code ORDER BY v.valid_from NULLS FIRST")
                .param("code", code).query(Stations::map).list();
        return versions.stream().anyMatch(v -> scope.covers(v.countyCode())) ? versions : List.of();
    }

    /** Codes of every station with any version inside the actor's scope. */
    java.util.Set<String> visibleCodes() {
        Scope scope = actors.current().scope();
        return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT station_code FROM monitoring_station_version v WHERE " + IN_SCOPE)
                .param("citywide", scope.citywide())
                .param("counties", scope.countyArray())
                .query(String.class).list());
    }

    /** Codes of the stations whose data the current actor may write, with their current owning unit. */
    Map<String, String> writableStations() {
        Actor actor = actors.current();
        if (!actor.mayWriteMonitoringData()) {
            return Map.of();
        }
        Scope scope = actor.scope();
        Map<String, String> result = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (v.station_code) v.station_code, v.county_code
                          FROM monitoring_station_version v
                         WHERE """ + IN_SCOPE + " ORDER BY v.station_code, v.valid_from DESC NULLS LAST")
                .param("citywide", scope.citywide())
                .param("counties", scope.countyArray())
                .query(rs -> {
                    result.put(rs.getString(1), Objects.requireNonNullElse(rs.getString(2), ""));
                });
        return result;
    }

    /**
     * A station and its first version. For Handan's stations without an explicit unit, the owning unit is
     * the assigned management zone, else the unit whose boundary holds the coordinates.
     */
    public record Registration(String code, String name, String city, List<String> pollutants, boolean demo,
                               StationClass stationClass, String countyCode, String zoneCode, BigDecimal lon,
                               BigDecimal lat, boolean inCityAssessment, LocalDate validFrom, String note) {
    }

    /** Registers a new station (city office). */
    @Transactional
    public Station register(Registration r, String reason) {
        requireCityOffice("登记站点");
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM monitoring_station WHERE code = ?)").param(r.code())
                .query(Boolean.class).single()) {
            throw new IllegalArgumentException("code：站点 " + r.code() + " 已存在");
        }
        String county = owningUnit(r);
        jdbc.sql("INSERT INTO monitoring_station (code, name, city, pollutants, demo) VALUES (?, ?, ?, ?, ?)")
                .params(r.code(), r.name(), r.city(), r.pollutants().toArray(String[]::new), r.demo()).update();
        insertVersion(r, county, r.validFrom());
        audit.record("monitoring.station.registered", "station", r.code(), county, reason,
                Map.of("class", r.stationClass().name(), "validFrom", String.valueOf(r.validFrom())));
        return find(r.code(), r.validFrom() == null ? LocalDate.now(clock) : r.validFrom()).orElseThrow();
    }

    /** Marks stations whose data are simulated (a demo installation), as the pages show demo stations. */
    @Transactional
    public void markSimulated(java.util.Collection<String> codes, String reason) {
        requireCityOffice("标注演示站点");
        for (String code : codes) {
            if (jdbc.sql("UPDATE monitoring_station SET demo = true WHERE code = ? AND NOT demo").param(code).update() > 0) {
                audit.record("monitoring.station.simulated", "station", code, null, reason, Map.of());
            }
        }
    }

    /**
     * Records a change from {@code change.validFrom()} on: the version in force then ends that day and the
     * new one begins. Nothing is recorded when nothing differs.
     *
     * @return whether a new version was recorded
     */
    @Transactional
    public boolean change(Registration change, String reason) {
        requireCityOffice("变更站点");
        if (change.validFrom() == null) {
            throw new IllegalArgumentException("validFrom：变更需要填写生效日期");
        }
        Station current = jdbc.sql(SELECT + " WHERE s.code = :code AND " + VALID_ON)
                .param("code", change.code()).param("day", Date.valueOf(change.validFrom()))
                .query(Stations::map).optional()
                .orElseThrow(() -> new IllegalArgumentException("code：站点 " + change.code() + " 在 " + change.validFrom() + " 没有有效的版本"));
        String county = owningUnit(change);
        if (sameVersion(current, change, county)) {
            return false;
        }
        if (Objects.equals(current.validFrom(), change.validFrom())) {
            throw new IllegalArgumentException("validFrom：站点 " + change.code() + " 已有自 " + change.validFrom() + " 起的版本");
        }
        jdbc.sql("""
                        UPDATE monitoring_station_version SET valid_to = :day
                         WHERE station_code = :code AND (valid_from IS NULL OR valid_from <= :day) AND (valid_to IS NULL OR valid_to > :day)""")
                .param("code", change.code()).param("day", Date.valueOf(change.validFrom())).update();
        insertVersion(change, county, change.validFrom(), current.validTo());
        jdbc.sql("UPDATE monitoring_station SET name = ?, pollutants = ? WHERE code = ?")
                .params(change.name(), change.pollutants().toArray(String[]::new), change.code()).update();
        audit.record("monitoring.station.changed", "station", change.code(), county, reason,
                Map.of("validFrom", change.validFrom().toString(), "before", describe(current),
                        "after", describe(change, county)));
        return true;
    }

    /** Stations whose latest version is of a class the counties are assessed on (national, provincial, county). */
    java.util.Set<String> assessedStations() {
        return new java.util.HashSet<>(jdbc.sql("""
                        SELECT station_code FROM (
                            SELECT DISTINCT ON (station_code) station_code, station_class FROM monitoring_station_version
                             ORDER BY station_code, valid_from DESC NULLS LAST) v
                         WHERE station_class IN ('NATIONAL', 'PROVINCIAL', 'COUNTY')""")
                .query(String.class).list());
    }

    /** Every registered code, whatever its scope (to tell "unknown" from "not yours" in import reports). */
    java.util.Set<String> allCodes() {
        return new java.util.HashSet<>(jdbc.sql("SELECT code FROM monitoring_station").query(String.class).list());
    }

    /** The date of the newest dated source that described a station, or null when none did. */
    LocalDate describedOn(String code) {
        return jdbc.sql("SELECT described_on FROM monitoring_station WHERE code = ?").param(code)
                .query((rs, n) -> rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate()).single();
    }

    /** Records that a source of {@code day} described the station (never moves the date back). */
    void describedOn(String code, LocalDate day) {
        jdbc.sql("UPDATE monitoring_station SET described_on = greatest(coalesce(described_on, ?), ?) WHERE code = ?")
                .params(Date.valueOf(day), Date.valueOf(day), code).update();
    }

    public boolean exists(String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM monitoring_station WHERE code = ?)").param(code)
                .query(Boolean.class).single();
    }

    private boolean sameVersion(Station current, Registration change, String county) {
        return current.stationClass() == change.stationClass()
                && Objects.equals(current.countyCode(), county)
                && Objects.equals(current.zoneCode(), change.zoneCode())
                && sameNumber(current.lon(), change.lon()) && sameNumber(current.lat(), change.lat())
                && current.inCityAssessment() == change.inCityAssessment()
                && current.name().equals(change.name());
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private String owningUnit(Registration r) {
        if (r.countyCode() != null) {
            Division unit = divisions.require(r.countyCode());
            if (!unit.isCountyLevel()) {
                throw new IllegalArgumentException("countyCode：" + r.countyCode() + " 不是县级单位");
            }
            return unit.code();
        }
        if (!HANDAN.equals(r.city()) || r.lon() == null || r.lat() == null) {
            return r.zoneCode();
        }
        return divisions.owningUnit(r.lon().doubleValue(), r.lat().doubleValue(), r.zoneCode())
                .map(Division::code)
                .orElseThrow(() -> new IllegalArgumentException("lon/lat: " + r.lon() + ", " + r.lat()
                        + " 不在邯郸市任何县（市、区）境内"));
    }

    private void insertVersion(Registration r, String county, LocalDate from) {
        insertVersion(r, county, from, null);
    }

    private void insertVersion(Registration r, String county, LocalDate from, LocalDate to) {
        jdbc.sql("""
                        INSERT INTO monitoring_station_version
                            (station_code, valid_from, valid_to, station_class, county_code, zone_code, lon, lat, in_city_assessment, note)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.code(), from == null ? null : Date.valueOf(from), to == null ? null : Date.valueOf(to),
                        r.stationClass().name(), county, r.zoneCode(), r.lon(), r.lat(), r.inCityAssessment(), r.note())
                .update();
    }

    private void requireCityOffice(String what) {
        Actor actor = actors.current();
        if (!actor.isCityOffice()) {
            throw new AccessDenied(actor.username() + " 无权" + what);
        }
    }

    private static Map<String, Object> describe(Station s) {
        return describe(s.stationClass(), s.countyCode(), s.lon(), s.lat(), s.inCityAssessment());
    }

    private static Map<String, Object> describe(Registration r, String county) {
        return describe(r.stationClass(), county, r.lon(), r.lat(), r.inCityAssessment());
    }

    private static Map<String, Object> describe(StationClass cls, String county, BigDecimal lon, BigDecimal lat, boolean assessed) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("class", cls.name());
        d.put("county", String.valueOf(county));
        d.put("lon", String.valueOf(lon));
        d.put("lat", String.valueOf(lat));
        d.put("inCityAssessment", assessed);
        return d;
    }

    static Station map(ResultSet rs, int row) throws SQLException {
        Array pollutants = rs.getArray("pollutants");
        Date from = rs.getDate("valid_from");
        Date to = rs.getDate("valid_to");
        return new Station(rs.getString("code"), rs.getString("name"), rs.getString("city"),
                Arrays.asList((String[]) pollutants.getArray()), rs.getBoolean("demo"),
                StationClass.valueOf(rs.getString("station_class")), rs.getString("county_code"),
                rs.getString("zone_code"), rs.getBigDecimal("lon"), rs.getBigDecimal("lat"),
                rs.getBoolean("in_city_assessment"), from == null ? null : from.toLocalDate(),
                to == null ? null : to.toLocalDate(), rs.getString("note"));
    }
}
