package org.lantian.platform.enterprises;

import org.lantian.standards.CreditCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.lantian.platform.geo.Datum;
import org.lantian.platform.geo.DatumConversion;
import org.lantian.platform.geo.Division;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.geo.LonLat;
import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actor;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.AuditLog;
import org.lantian.platform.identity.Role;
import org.lantian.platform.monitoring.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of air-related enterprises. Everyone citywide reads it; a county user reads and changes its
 * own county's enterprises; an enterprise user reads only its own file. Another county's enterprise is
 * "not found" to a county user (existence is not revealed) and a change to it is refused.
 */
@Service
public class Enterprises {

    /** The most rows one page of the list returns. */
    public static final int MAX_PAGE = 500;

    static final String SELECT = """
            SELECT e.*, g.scheme AS grade_scheme, g.grade,
                   ARRAY(SELECT f.flag FROM enterprise_flag f WHERE f.credit_code = e.credit_code AND f.valid_to IS NULL ORDER BY f.flag) AS flags
              FROM enterprise e
              LEFT JOIN enterprise_grade g ON g.credit_code = e.credit_code AND g.valid_to IS NULL""";

    private final JdbcClient jdbc;
    private final Actors actors;
    private final Divisions divisions;
    private final AuditLog audit;
    private final Clock clock;
    private final javax.sql.DataSource dataSource;

    Enterprises(JdbcClient jdbc, Actors actors, Divisions divisions, AuditLog audit, Clock clock, javax.sql.DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.actors = actors;
        this.divisions = divisions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * An enterprise as entered: {@code countyCode} set by hand wins (a management zone, which has no
     * boundary, must be set so); otherwise the county is the unit whose boundary holds the position.
     * {@code datum} says what the position is in (default WGS-84).
     */
    public record Registration(String creditCode, String name, String countyCode, String township, String address,
                               BigDecimal lon, BigDecimal lat, Datum datum, String industryCode, String industryName,
                               String gradingIndustry, String cluster, EnterpriseStatus status, LocalDate statusSince,
                               Boolean demo) {
    }

    /** Registers a new enterprise (city office, or a county for its own county). */
    @Transactional
    public Enterprise register(Registration r, String reason) {
        String code = CreditCode.require(r.creditCode());
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM enterprise WHERE credit_code = ?)").param(code).query(Boolean.class).single()) {
            throw new IllegalArgumentException("creditCode：企业 " + code + " 已在清单中");
        }
        Timestamp now = Timestamp.from(clock.instant());
        Object[] row = row(r, now);
        insert(java.util.Collections.singletonList(row), java.util.Collections.singletonList(statusRow(r, row, reason, now)));
        audit.record("enterprises.registered", "enterprise", code, (String) row[COUNTY], reason, Map.of("name", r.name()));
        return find(code);
    }

    /**
     * Registers many enterprises at once (an import, the demo): each is checked as {@link #register} checks it
     * and all are written in batches, or none when one is wrong.
     *
     * @throws IllegalArgumentException naming the first wrong one by its position in the list (1-based)
     */
    @Transactional
    public int registerAll(List<Registration> registrations, String reason) {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> statuses = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        Timestamp now = Timestamp.from(clock.instant());
        for (int i = 0; i < registrations.size(); i++) {
            Registration r = registrations.get(i);
            try {
                Object[] row = row(r, now);
                if (!seen.add((String) row[0])) {
                    throw new IllegalArgumentException("creditCode：" + row[0] + " 在本批中重复");
                }
                rows.add(row);
                statuses.add(statusRow(r, row, reason, now));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("第 " + (i + 1) + " 家：" + e.getMessage(), e);
            }
        }
        insert(rows, statuses);
        audit.record("enterprises.registered.batch", "enterprise", rows.size() + " 家", null, reason, Map.of("count", String.valueOf(rows.size())));
        analyze("enterprise", "enterprise_status");
        return rows.size();
    }

    /** Where the county stands in an enterprise row. */
    private static final int COUNTY = 2;
    private static final int STATUS = 15;

    /** An enterprise row as inserted, each value checked (code, name, place, industry code, the actor's right to write there). */
    private Object[] row(Registration r, Timestamp now) {
        String code = CreditCode.require(r.creditCode());
        Placed placed = place(r);
        requireWriter(placed.countyCode());
        EnterpriseStatus status = r.status() == null ? EnterpriseStatus.OPERATING : r.status();
        return new Object[] {code, requireName(r.name()), placed.countyCode(), placed.byHand(), blank(r.township()),
                blank(r.address()), placed.lon(), placed.lat(), r.lon(), r.lat(), r.lon() == null ? null : placed.datum().name(),
                industryCode(r.industryCode()), blank(r.industryName()), blank(r.gradingIndustry()), blank(r.cluster()),
                status.name(), date(r.statusSince()), Boolean.TRUE.equals(r.demo()), now};
    }

    private Object[] statusRow(Registration r, Object[] row, String reason, Timestamp now) {
        return new Object[] {row[0], row[STATUS], Date.valueOf(r.statusSince() == null ? LocalDate.now(clock) : r.statusSince()), reason,
                actors.current().username(), now};
    }

    private void insert(List<Object[]> rows, List<Object[]> statuses) {
        var template = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        template.batchUpdate("""
                INSERT INTO enterprise (credit_code, name, county_code, county_set_by_hand, township, address, lon, lat,
                       entered_lon, entered_lat, entered_datum, industry_code, industry_name, grading_industry, cluster,
                       status, status_since, demo, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        template.batchUpdate("INSERT INTO enterprise_status (credit_code, status, since, reason, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                statuses);
    }

    /**
     * The registration as it would be stored, checked as {@link #register} checks it (code, name, place,
     * industry code, the actor's right to write there), without storing anything.
     *
     * @throws IllegalArgumentException naming the field ("creditCode：…")
     */
    public Registration checked(Registration r) {
        Object[] row = row(r, Timestamp.from(clock.instant()));
        return new Registration((String) row[0], (String) row[1], r.countyCode(), r.township(), r.address(), r.lon(), r.lat(),
                r.datum(), (String) row[11], r.industryName(), r.gradingIndustry(), r.cluster(), r.status(), r.statusSince(), r.demo());
    }

    /** Replaces an enterprise's particulars; a changed status is kept in its history. */
    @Transactional
    public Enterprise change(String creditCode, Registration r, String reason) {
        Enterprise before = find(creditCode);
        requireWriter(before.countyCode());
        if (r.creditCode() != null && !r.creditCode().strip().equalsIgnoreCase(before.creditCode())) {
            throw new IllegalArgumentException("creditCode：请求体中的 " + r.creditCode() + " 与路径中的 " + creditCode + " 不一致");
        }
        Placed placed = place(r);
        requireWriter(placed.countyCode());
        EnterpriseStatus status = r.status() == null ? before.status() : r.status();
        LocalDate since = status == before.status() ? before.statusSince()
                : r.statusSince() == null ? LocalDate.now(clock) : r.statusSince();
        jdbc.sql("""
                        UPDATE enterprise SET name = ?, county_code = ?, county_set_by_hand = ?, township = ?, address = ?, lon = ?,
                               lat = ?, entered_lon = ?, entered_lat = ?, entered_datum = ?, industry_code = ?, industry_name = ?,
                               grading_industry = ?, cluster = ?, status = ?, status_since = ?, updated_at = ?
                         WHERE credit_code = ?""")
                .params(requireName(r.name()), placed.countyCode(), placed.byHand(), blank(r.township()), blank(r.address()),
                        placed.lon(), placed.lat(), r.lon(), r.lat(), r.lon() == null ? null : placed.datum().name(),
                        industryCode(r.industryCode()), blank(r.industryName()), blank(r.gradingIndustry()), blank(r.cluster()),
                        status.name(), date(since), Timestamp.from(clock.instant()), before.creditCode())
                .update();
        if (status != before.status()) {
            recordStatus(before.creditCode(), status, since, reason);
        }
        audit.record("enterprises.changed", "enterprise", before.creditCode(), placed.countyCode(), reason,
                Map.of("status", status.name(), "county", placed.countyCode()));
        return find(before.creditCode());
    }

    /**
     * An enterprise's file, if the actor may see it.
     *
     * @throws NotFound when there is none, or the actor may not see it
     */
    public Enterprise find(String creditCode) {
        String code = creditCode == null ? "" : creditCode.strip().toUpperCase(java.util.Locale.ROOT);
        return jdbc.sql(SELECT + " WHERE e.credit_code = ?").param(code).query(Enterprises::map).optional()
                .filter(e -> maySee(actors.current(), e))
                .orElseThrow(() -> new NotFound("企业 " + code));
    }

    /** What the list is narrowed to; null fields do not narrow. {@code text} matches the name, code, address or cluster. */
    public record Filter(String countyCode, EnterpriseStatus status, String grade, EnterpriseFlag flag, String industry,
                         String text) {
    }

    public record Page(int total, int offset, List<Enterprise> items) {
    }

    /** The enterprises the actor may see that match the filter, by county and name. */
    public Page list(Filter filter, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit：每页 1–" + MAX_PAGE + " 条，offset 不小于 0");
        }
        Actor actor = actors.current();
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (actor.role() == Role.ENTERPRISE) {
            where.append(" AND e.credit_code = ?");
            params.add(Objects.requireNonNullElse(actor.enterpriseCode(), ""));
        } else if (!actor.scope().citywide()) {
            where.append(" AND e.county_code = ANY(?)");
            params.add(actor.scope().countyArray());
        }
        if (filter.countyCode() != null) {
            where.append(" AND e.county_code = ?");
            params.add(filter.countyCode());
        }
        if (filter.status() != null) {
            where.append(" AND e.status = ?");
            params.add(filter.status().name());
        }
        // grade and list filters as semi-joins on their partial indexes: the count then needs no join
        if (filter.grade() != null) {
            if ("未分级".equals(filter.grade())) {
                where.append(" AND e.credit_code NOT IN (SELECT credit_code FROM enterprise_grade WHERE valid_to IS NULL)");
            } else {
                where.append(" AND e.credit_code IN (SELECT credit_code FROM enterprise_grade WHERE grade = ? AND valid_to IS NULL)");
                params.add(filter.grade());
            }
        }
        if (filter.flag() != null) {
            where.append(" AND e.credit_code IN (SELECT credit_code FROM enterprise_flag WHERE flag = ? AND valid_to IS NULL)");
            params.add(filter.flag().name());
        }
        if (filter.industry() != null) {
            where.append(" AND (e.industry_code LIKE ? OR e.industry_name LIKE ? OR e.grading_industry LIKE ?)");
            String like = like(filter.industry());
            params.addAll(List.of(like, like, like));
        }
        if (filter.text() != null) {
            where.append(" AND (e.name LIKE ? OR e.credit_code LIKE ? OR e.address LIKE ? OR e.cluster LIKE ?)");
            String like = like(filter.text());
            params.addAll(List.of(like, like, like, like));
        }
        int total = jdbc.sql("SELECT count(*) FROM enterprise e" + where).params(params).query(Integer.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(limit);
        paged.add(offset);
        List<Enterprise> items = jdbc.sql(SELECT + where + " ORDER BY e.county_code, e.name, e.credit_code LIMIT ? OFFSET ?")
                .params(paged).query(Enterprises::map).list();
        return new Page(total, offset, items);
    }

    /** An enterprise on the source map: as little as the map draws. */
    public record MapPoint(String code, String name, String countyCode, double lon, double lat, String grade, String industry) {
    }

    /** Every located enterprise the actor may see, for the source map (all of them at once: the map draws thousands). */
    public List<MapPoint> mapPoints() {
        Actor actor = actors.current();
        String scope = actor.role() == Role.ENTERPRISE ? " AND e.credit_code = ?" : actor.scope().citywide() ? "" : " AND e.county_code = ANY(?)";
        List<Object> params = actor.role() == Role.ENTERPRISE ? List.of(Objects.requireNonNullElse(actor.enterpriseCode(), ""))
                : actor.scope().citywide() ? List.of() : List.of((Object) actor.scope().countyArray());
        return jdbc.sql("""
                        SELECT e.credit_code, e.name, e.county_code, e.lon, e.lat, g.grade, coalesce(e.grading_industry, e.industry_name) AS industry
                          FROM enterprise e LEFT JOIN enterprise_grade g ON g.credit_code = e.credit_code AND g.valid_to IS NULL
                         WHERE e.lon IS NOT NULL AND e.status = 'OPERATING'""" + scope)
                .params(params)
                .query((rs, n) -> new MapPoint(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5),
                        rs.getString(6), rs.getString(7)))
                .list();
    }

    /** An enterprise near a point, with its distance. */
    public record Nearby(Enterprise enterprise, double distanceKm) {
    }

    /**
     * The operating enterprises the actor may see within {@code radiusKm} of a point, nearest first: where a
     * county goes first when a station reads high.
     */
    public List<Nearby> near(double lon, double lat, double radiusKm, int limit) {
        double dLat = radiusKm / 111.0;
        double dLon = radiusKm / (111.0 * Math.cos(Math.toRadians(lat)));
        Actor actor = actors.current();
        return jdbc.sql(SELECT + " WHERE e.status = 'OPERATING' AND e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?")
                .params(lon - dLon, lon + dLon, lat - dLat, lat + dLat)
                .query(Enterprises::map).list().stream()
                .filter(e -> maySee(actor, e))
                .map(e -> new Nearby(e, distanceKm(lon, lat, e.lon().doubleValue(), e.lat().doubleValue())))
                .filter(n -> n.distanceKm() <= radiusKm)
                .sorted(java.util.Comparator.comparingDouble(Nearby::distanceKm))
                .limit(limit)
                .toList();
    }

    /** Great-circle distance (haversine, mean Earth radius): a few metres off at these distances, which is plenty here. */
    static double distanceKm(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double a = Math.pow(Math.sin((p2 - p1) / 2), 2) + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(Math.toRadians(lon2 - lon1) / 2), 2);
        return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
    }

    /** Puts an enterprise on a list from a date, or takes it off; each span is kept. */
    @Transactional
    public Enterprise setFlag(String creditCode, EnterpriseFlag flag, boolean on, LocalDate date, String reason) {
        Enterprise e = find(creditCode);
        requireWriter(e.countyCode());
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        Actor actor = actors.current();
        if (on && !e.flags().contains(flag)) {
            jdbc.sql("""
                            INSERT INTO enterprise_flag (credit_code, flag, valid_from, reason, recorded_by, recorded_at)
                            VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(e.creditCode(), flag.name(), Date.valueOf(day), reason, actor.username(), Timestamp.from(clock.instant()))
                    .update();
        } else if (!on && e.flags().contains(flag)) {
            jdbc.sql("UPDATE enterprise_flag SET valid_to = greatest(valid_from, ?::date) WHERE credit_code = ? AND flag = ? AND valid_to IS NULL")
                    .params(Date.valueOf(day), e.creditCode(), flag.name()).update();
        } else {
            return e;
        }
        audit.record(on ? "enterprises.flag.set" : "enterprises.flag.cleared", "enterprise", e.creditCode(), e.countyCode(), reason,
                Map.of("flag", flag.name(), "date", day.toString()));
        return find(e.creditCode());
    }

    /**
     * Refreshes the planner's statistics after a batch: right after thousands of rows arrive, before
     * autovacuum has looked, a join of the register with its grades was planned as a nested loop over both
     * tables (the source map took 650 ms instead of 25).
     */
    void analyze(String... tables) {
        for (String table : tables) {
            jdbc.sql("ANALYZE " + table).update();
        }
    }

    /** The names of enterprises by credit code, those the actor may see (a list of another module's records). */
    public Map<String, String> names(java.util.Collection<String> creditCodes) {
        var scope = actors.current().scope();
        Map<String, String> names = new java.util.HashMap<>();
        jdbc.sql("SELECT credit_code, name FROM enterprise WHERE credit_code = ANY(?) AND (? OR county_code = ANY(?))")
                .params(creditCodes.toArray(String[]::new), scope.citywide(), scope.countyArray())
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    /** Credit codes by exact enterprise name, of the enterprises the actor may see (a name two share is left out). */
    public Map<String, String> codesByName(java.util.Collection<String> names) {
        var scope = actors.current().scope();
        Map<String, String> codes = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT name, min(credit_code) FROM enterprise WHERE name = ANY(?) AND (? OR county_code = ANY(?))
                         GROUP BY name HAVING count(*) = 1""")
                .params(names.toArray(String[]::new), scope.citywide(), scope.countyArray())
                .query(rs -> {
                    codes.put(rs.getString(1), rs.getString(2));
                });
        return codes;
    }

    /** Every enterprise the filter selects that the actor may see, page by page (an export). */
    public List<Enterprise> listAll(Filter filter) {
        List<Enterprise> all = new ArrayList<>();
        for (int offset = 0; ; offset += MAX_PAGE) {
            Page page = list(filter, offset, MAX_PAGE);
            all.addAll(page.items());
            if (offset + MAX_PAGE >= page.total()) {
                return all;
            }
        }
    }

    /** Puts many enterprises on a list from a date in one batch (an import, the demo); those already on it are left. */
    @Transactional
    public int flagAll(java.util.Collection<String> creditCodes, EnterpriseFlag flag, LocalDate from, String reason) {
        if (!actors.current().isCityOffice()) {
            throw new AccessDenied(actors.current().username() + " 无权批量调整企业名单");
        }
        Timestamp now = Timestamp.from(clock.instant());
        String by = actors.current().username();
        new org.springframework.jdbc.core.JdbcTemplate(dataSource).batchUpdate("""
                INSERT INTO enterprise_flag (credit_code, flag, valid_from, reason, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (credit_code, flag) WHERE valid_to IS NULL DO NOTHING""",
                creditCodes.stream().map(c -> new Object[] {c, flag.name(), Date.valueOf(from), reason, by, now}).toList());
        audit.record("enterprises.flag.set", "enterprise", creditCodes.size() + " 家", null, reason, Map.of("flag", flag.name()));
        analyze("enterprise_flag");
        return creditCodes.size();
    }

    /** One span of an enterprise on a list. */
    public record FlagSpan(EnterpriseFlag flag, LocalDate from, LocalDate to, String reason, String recordedBy) {
    }

    public List<FlagSpan> flagHistory(String creditCode) {
        Enterprise e = find(creditCode);
        return jdbc.sql("SELECT * FROM enterprise_flag WHERE credit_code = ? ORDER BY valid_from, id").param(e.creditCode())
                .query((rs, n) -> new FlagSpan(EnterpriseFlag.valueOf(rs.getString("flag")), rs.getDate("valid_from").toLocalDate(),
                        rs.getDate("valid_to") == null ? null : rs.getDate("valid_to").toLocalDate(), rs.getString("reason"),
                        rs.getString("recorded_by")))
                .list();
    }

    /** One status an enterprise has had. */
    public record StatusChange(EnterpriseStatus status, LocalDate since, String reason, String recordedBy) {
    }

    public List<StatusChange> statusHistory(String creditCode) {
        Enterprise e = find(creditCode);
        return jdbc.sql("SELECT * FROM enterprise_status WHERE credit_code = ? ORDER BY since, recorded_at").param(e.creditCode())
                .query((rs, n) -> new StatusChange(EnterpriseStatus.valueOf(rs.getString("status")), rs.getDate("since").toLocalDate(),
                        rs.getString("reason"), rs.getString("recorded_by")))
                .list();
    }

    /** Whether the actor may see this enterprise: citywide users all, a county its own, an enterprise itself. */
    static boolean maySee(Actor actor, Enterprise e) {
        if (actor.role() == Role.ENTERPRISE) {
            return e.creditCode().equals(actor.enterpriseCode());
        }
        return actor.scope().covers(e.countyCode());
    }

    /** Refuses unless the actor may change enterprises of {@code countyCode}: the city office, or that county. */
    public void requireWriter(String countyCode) {
        Actor actor = actors.current();
        boolean may = actor.isCityOffice() || (actor.role() == Role.COUNTY && actor.scope().covers(countyCode));
        if (!may) {
            throw new AccessDenied(actor.username() + " 无权修改" + divisions.find(countyCode).map(Division::shortName).orElse(countyCode)
                    + "的企业");
        }
    }

    private record Placed(String countyCode, boolean byHand, BigDecimal lon, BigDecimal lat, Datum datum) {
    }

    private Placed place(Registration r) {
        if ((r.lon() == null) != (r.lat() == null)) {
            throw new IllegalArgumentException("lon、lat：经度和纬度要一起填写");
        }
        Datum datum = r.datum() == null ? Datum.WGS84 : r.datum();
        BigDecimal lon = null;
        BigDecimal lat = null;
        if (r.lon() != null) {
            LonLat wgs = DatumConversion.toWgs84(datum, r.lon().doubleValue(), r.lat().doubleValue());
            lon = BigDecimal.valueOf(wgs.lon()).setScale(6, RoundingMode.HALF_EVEN);
            lat = BigDecimal.valueOf(wgs.lat()).setScale(6, RoundingMode.HALF_EVEN);
        }
        if (r.countyCode() != null && !r.countyCode().isBlank()) {
            Division unit = divisions.find(r.countyCode().strip())
                    .filter(Division::isCountyLevel)
                    .orElseThrow(() -> new IllegalArgumentException("countyCode：" + r.countyCode() + " 不是邯郸市的县级单位"));
            return new Placed(unit.code(), true, lon, lat, datum);
        }
        if (lon == null) {
            throw new IllegalArgumentException("countyCode：请指定所属县（市、区），或填写位置以便按坐标确定");
        }
        BigDecimal finalLon = lon;
        BigDecimal finalLat = lat;
        Division unit = divisions.locate(lon.doubleValue(), lat.doubleValue())
                .orElseThrow(() -> new IllegalArgumentException("lon、lat：位置 " + finalLon + ", " + finalLat + "（WGS-84，由 "
                        + datum.label() + " 换算）不在邯郸市任何县（市、区）境内"));
        return new Placed(unit.code(), false, finalLon, finalLat, datum);
    }

    private void recordStatus(String code, EnterpriseStatus status, LocalDate since, String reason) {
        jdbc.sql("INSERT INTO enterprise_status (credit_code, status, since, reason, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(code, status.name(), Date.valueOf(since), reason, actors.current().username(), Timestamp.from(clock.instant()))
                .update();
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name：请填写企业名称");
        }
        return name.strip();
    }

    private static String industryCode(String code) {
        String c = blank(code);
        if (c != null && !c.matches("[0-9]{2,4}")) {
            throw new IllegalArgumentException("industryCode：国民经济行业代码（GB/T 4754）应为 2–4 位数字，收到“" + c + "”");
        }
        return c;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static String like(String text) {
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    static Enterprise map(ResultSet rs, int row) throws SQLException {
        java.sql.Array flags = rs.getArray("flags");
        List<EnterpriseFlag> flagList = flags == null ? List.of()
                : Arrays.stream((String[]) flags.getArray()).map(EnterpriseFlag::valueOf).toList();
        Date since = rs.getDate("status_since");
        return new Enterprise(rs.getString("credit_code"), rs.getString("name"), rs.getString("county_code"),
                rs.getBoolean("county_set_by_hand"), rs.getString("township"), rs.getString("address"), rs.getBigDecimal("lon"),
                rs.getBigDecimal("lat"), rs.getBigDecimal("entered_lon"), rs.getBigDecimal("entered_lat"), rs.getString("entered_datum"),
                rs.getString("industry_code"), rs.getString("industry_name"), rs.getString("grading_industry"), rs.getString("cluster"),
                EnterpriseStatus.valueOf(rs.getString("status")), since == null ? null : since.toLocalDate(), rs.getBoolean("demo"),
                rs.getString("grade_scheme"), rs.getString("grade"), flagList);
    }
}
