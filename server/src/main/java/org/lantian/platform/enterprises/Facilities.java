package org.lantian.platform.enterprises;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lantian.platform.gateway.DeviceRecords;
import org.lantian.platform.gateway.Devices;
import org.lantian.platform.identity.AuditLog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each enterprise has: its lines (with capacity and electricity sub-meter point), its outlets bound to
 * the gateway's devices so their live state shows on the file, and its baseline emissions.
 */
@Service
public class Facilities {

    /** The pollutants baselines are kept for (the plan's emergency reductions count these four). */
    public static final List<String> BASELINE_POLLUTANTS = List.of("SO2", "NOX", "PM", "VOCS");

    private final JdbcClient jdbc;
    private final Enterprises enterprises;
    private final Devices devices;
    private final DeviceRecords records;
    private final AuditLog audit;
    private final Clock clock;

    private final javax.sql.DataSource dataSource;
    private final org.lantian.platform.identity.Actors actors;

    Facilities(JdbcClient jdbc, Enterprises enterprises, Devices devices, DeviceRecords records, AuditLog audit, Clock clock,
               javax.sql.DataSource dataSource, org.lantian.platform.identity.Actors actors) {
        this.dataSource = dataSource;
        this.actors = actors;
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.devices = devices;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    public enum LineKind { PRODUCTION, TREATMENT }

    /** A line; a treatment facility names the production line it treats ({@code serves}). */
    public record Line(long id, String name, LineKind kind, BigDecimal capacity, String capacityUnit, String meterPoint, String serves) {
    }

    @Transactional
    public Line addLine(String creditCode, String name, LineKind kind, BigDecimal capacity, String capacityUnit, String meterPoint) {
        return addLine(creditCode, name, kind, capacity, capacityUnit, meterPoint, null);
    }

    @Transactional
    public Line addLine(String creditCode, String name, LineKind kind, BigDecimal capacity, String capacityUnit, String meterPoint, String serves) {
        Enterprise e = writable(creditCode);
        if (serves != null && !serves.isBlank() && lines(e.creditCode()).stream()
                .noneMatch(l -> l.kind() == LineKind.PRODUCTION && l.name().equals(serves.strip()))) {
            throw new IllegalArgumentException("serves：" + e.name() + " 没有名为“" + serves.strip() + "”的生产线");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name：请填写生产线或治理设施名称");
        }
        try {
            long id = jdbc.sql("""
                            INSERT INTO enterprise_line (credit_code, name, kind, capacity, capacity_unit, meter_point, serves)
                            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(e.creditCode(), name.strip(), (kind == null ? LineKind.PRODUCTION : kind).name(), capacity, capacityUnit, meterPoint,
                            serves == null || serves.isBlank() ? null : serves.strip())
                    .query(Long.class).single();
            audit.record("enterprises.line.added", "enterprise", e.creditCode(), e.countyCode(), null, Map.of("line", name.strip()));
            return lines(e.creditCode()).stream().filter(l -> l.id() == id).findFirst().orElseThrow();
        } catch (DuplicateKeyException duplicate) {
            throw new IllegalArgumentException("name：" + e.name() + " 已有名为“" + name.strip() + "”的生产线或设施");
        }
    }

    public List<Line> lines(String creditCode) {
        Enterprise e = enterprises.find(creditCode);
        return jdbc.sql("SELECT * FROM enterprise_line WHERE credit_code = ? ORDER BY kind, name").param(e.creditCode())
                .query((rs, n) -> new Line(rs.getLong("id"), rs.getString("name"), LineKind.valueOf(rs.getString("kind")),
                        rs.getBigDecimal("capacity"), rs.getString("capacity_unit"), rs.getString("meter_point"), rs.getString("serves")))
                .list();
    }

    public record Outlet(long id, String code, String name, String permitNumber, List<String> pollutants, String deviceMn) {
    }

    /** Adds an outlet; {@code deviceMn}, when given, must be a registered device the actor may see, bound to no other outlet. */
    @Transactional
    public Outlet addOutlet(String creditCode, String code, String name, String permitNumber, List<String> pollutants, String deviceMn) {
        Enterprise e = writable(creditCode);
        if (code == null || !code.strip().matches("[A-Za-z0-9_-]{1,20}")) {
            throw new IllegalArgumentException("code：排放口编号应为 1–20 位字母、数字、“_”或“-”，如 DA001");
        }
        String mn = deviceMn == null || deviceMn.isBlank() ? null : deviceMn.strip();
        if (mn != null) {
            devices.find(mn);   // exists, and in the actor's scope
        }
        try {
            long id = jdbc.sql("""
                            INSERT INTO enterprise_outlet (credit_code, code, name, permit_number, pollutants, device_mn)
                            VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(e.creditCode(), code.strip(), name, permitNumber, (pollutants == null ? List.<String>of() : pollutants).toArray(String[]::new), mn)
                    .query(Long.class).single();
            audit.record("enterprises.outlet.added", "enterprise", e.creditCode(), e.countyCode(), null,
                    Map.of("outlet", code.strip(), "device", String.valueOf(mn)));
            return outlets(e.creditCode()).stream().filter(o -> o.id() == id).findFirst().orElseThrow();
        } catch (DuplicateKeyException duplicate) {
            throw new IllegalArgumentException("code：排放口 " + code.strip() + " 已登记，或设备 " + mn + " 已绑定其他排放口");
        }
    }

    public List<Outlet> outlets(String creditCode) {
        Enterprise e = enterprises.find(creditCode);
        return jdbc.sql("SELECT * FROM enterprise_outlet WHERE credit_code = ? ORDER BY code").param(e.creditCode())
                .query((rs, n) -> new Outlet(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("permit_number"),
                        Arrays.asList((String[]) rs.getArray("pollutants").getArray()), rs.getString("device_mn")))
                .list();
    }

    /** An outlet with an online monitor, with its plant. */
    public record MonitoredOutlet(String deviceMn, String creditCode, String plantName, String countyCode, String outletCode, String outletName) {
    }

    /**
     * The outlets bound to monitoring devices, across the city (the emergency module judges hourly emissions as
     * they arrive): those of the given devices, or every one when {@code deviceMns} is null.
     */
    public List<MonitoredOutlet> monitoredOutlets(java.util.Collection<String> deviceMns) {
        return jdbc.sql("""
                        SELECT o.device_mn, o.credit_code, e.name, e.county_code, o.code, o.name
                          FROM enterprise_outlet o JOIN enterprise e ON e.credit_code = o.credit_code
                         WHERE o.device_mn IS NOT NULL AND (?::text[] IS NULL OR o.device_mn = ANY(?::text[])) ORDER BY e.county_code, o.credit_code, o.code""")
                .params(deviceMns == null ? null : deviceMns.toArray(String[]::new), deviceMns == null ? null : deviceMns.toArray(String[]::new))
                .query((rs, n) -> new MonitoredOutlet(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6))).list();
    }

    /** A value of the latest hour, against the outlet's limit where the device has one. */
    public record Reading(String factor, BigDecimal value, String unit, BigDecimal limit) {

        public boolean over() {
            return limit != null && value != null && value.compareTo(limit) > 0;
        }
    }

    /** An outlet as it is now: its device's state and its latest hour (empty without a bound device or data). */
    public record LiveOutlet(Outlet outlet, String deviceName, Boolean online, Instant lastPacketAt, Instant hour, List<Reading> readings) {
    }

    /** Every outlet of the enterprise with its live state, from the gateway's records. */
    public List<LiveOutlet> liveOutlets(String creditCode) {
        List<LiveOutlet> live = new ArrayList<>();
        for (Outlet o : outlets(creditCode)) {
            if (o.deviceMn() == null) {
                live.add(new LiveOutlet(o, null, null, null, null, List.of()));
                continue;
            }
            DeviceRecords.DeviceStatus status = records.status(o.deviceMn());
            Instant now = clock.instant();
            List<DeviceRecords.SeriesPoint> points = records.series(o.deviceMn(), "2061", now.minus(Duration.ofHours(26)), now);
            Instant latest = points.stream().map(DeviceRecords.SeriesPoint::dataTime).max(Instant::compareTo).orElse(null);
            Map<String, Reading> readings = new LinkedHashMap<>();
            points.stream().filter(p -> p.dataTime().equals(latest)).forEach(p -> readings.put(p.factor(), new Reading(p.factor(),
                    p.zsAvg() != null ? p.zsAvg() : p.avg(), p.unit(), status.device().limits() == null ? null : status.device().limits().get(p.factor()))));
            live.add(new LiveOutlet(o, status.device().name(), status.online(), status.lastPacketAt(), latest, List.copyOf(readings.values())));
        }
        return live;
    }

    /** @param year the year it is for (taken from the request path when set) */
    /**
     * The live state of an enterprise's bound outlets in a line, for lists of enterprises (a ticket's
     * neighbourhood): "DA001 在线 SO₂ 38.2 mg/m³（超限）"; empty when none is bound.
     */
    public String liveSummary(String creditCode) {
        StringBuilder text = new StringBuilder();
        for (LiveOutlet o : liveOutlets(creditCode)) {
            if (o.outlet().deviceMn() == null) {
                continue;
            }
            text.append(text.isEmpty() ? "" : "；").append(o.outlet().code()).append(' ')
                    .append(o.online() == null ? "未上线" : o.online() ? "在线" : "离线");
            o.readings().stream().filter(r -> r.limit() != null).forEach(r -> text.append(' ').append(org.lantian.standards.hj212.Hj212Factor.symbolOf(r.factor()))
                    .append(' ').append(r.value()).append(r.unit() == null ? "" : " " + r.unit()).append(r.over() ? "（超限）" : ""));
        }
        return text.toString();
    }

    public record Baseline(Long lineId, Integer year, String pollutant, BigDecimal tonnes) {
    }

    /** Replaces a year's baselines of an enterprise (per line or, with no line, for the whole enterprise). */
    @Transactional
    public List<Baseline> setBaselines(String creditCode, int year, List<Baseline> baselines, String reason) {
        Enterprise e = writable(creditCode);
        java.util.Set<Long> lineIds = new java.util.HashSet<>(lines(e.creditCode()).stream().map(Line::id).toList());
        for (int i = 0; i < baselines.size(); i++) {
            Baseline b = baselines.get(i);
            if (!BASELINE_POLLUTANTS.contains(b.pollutant())) {
                throw new IllegalArgumentException("baselines[" + i + "].pollutant：应为 SO2、NOX、PM 或 VOCS，收到 " + b.pollutant());
            }
            if (b.tonnes() == null || b.tonnes().signum() < 0) {
                throw new IllegalArgumentException("baselines[" + i + "].tonnes：应为不小于 0 的吨数");
            }
            if (b.lineId() != null && !lineIds.contains(b.lineId())) {
                throw new IllegalArgumentException("baselines[" + i + "].lineId：" + b.lineId() + " 不是该企业的生产线");
            }
        }
        jdbc.sql("DELETE FROM enterprise_baseline WHERE credit_code = ? AND year = ?").params(e.creditCode(), year).update();
        for (Baseline b : baselines) {
            jdbc.sql("INSERT INTO enterprise_baseline (credit_code, line_id, year, pollutant, tonnes) VALUES (?, ?, ?, ?, ?)")
                    .params(e.creditCode(), b.lineId(), year, b.pollutant(), b.tonnes()).update();
        }
        audit.record("enterprises.baselines.set", "enterprise", e.creditCode(), e.countyCode(), reason,
                Map.of("year", String.valueOf(year), "rows", String.valueOf(baselines.size())));
        return baselines(e.creditCode());
    }

    public List<Baseline> baselines(String creditCode) {
        Enterprise e = enterprises.find(creditCode);
        return jdbc.sql("SELECT * FROM enterprise_baseline WHERE credit_code = ? ORDER BY year DESC, line_id NULLS FIRST, pollutant")
                .param(e.creditCode())
                .query((rs, n) -> new Baseline((Long) rs.getObject("line_id"), rs.getInt("year"), rs.getString("pollutant"), rs.getBigDecimal("tonnes")))
                .list();
    }

    /** A line as a batch brings it, before it has an id. */
    public record NewLine(String name, LineKind kind, BigDecimal capacity, String capacityUnit, String meterPoint, String serves) {
    }

    /** A baseline of a line named in the same batch (null: the whole enterprise). */
    public record LineBaseline(String lineName, String pollutant, BigDecimal tonnes) {
    }

    /** An enterprise's lines, unbound outlets and one year's baselines, as a batch brings them. */
    public record Equipment(String creditCode, List<NewLine> lines, List<Outlet> outlets, int year, List<LineBaseline> baselines) {
    }

    /**
     * Equips many enterprises in one batch (an import, the demo): one round trip per table instead of one per
     * row, which took the 3 906 demo enterprises from minutes to seconds. City office only; outlets are
     * stored without a device (bind them one by one, where the device's scope is checked).
     */
    @Transactional
    public int equipAll(List<Equipment> all) {
        if (!actors.current().isCityOffice()) {
            throw new org.lantian.platform.identity.AccessDenied(actors.current().username() + " 无权批量登记生产线和排放口");
        }
        var template = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        template.batchUpdate("""
                INSERT INTO enterprise_line (credit_code, name, kind, capacity, capacity_unit, meter_point, serves) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                all.stream().flatMap(e -> e.lines().stream().map(l -> new Object[] {e.creditCode(), l.name(), l.kind().name(), l.capacity(),
                        l.capacityUnit(), l.meterPoint(), l.serves()})).toList());
        template.batchUpdate("""
                INSERT INTO enterprise_outlet (credit_code, code, name, permit_number, pollutants) VALUES (?, ?, ?, ?, string_to_array(?, ','))""",
                all.stream().flatMap(e -> e.outlets().stream().map(o -> new Object[] {e.creditCode(), o.code(), o.name(), o.permitNumber(),
                        String.join(",", o.pollutants())})).toList());
        template.batchUpdate("""
                INSERT INTO enterprise_baseline (credit_code, line_id, year, pollutant, tonnes)
                VALUES (?, (SELECT id FROM enterprise_line WHERE credit_code = ? AND name = ?), ?, ?, ?)""",
                all.stream().flatMap(e -> e.baselines().stream().map(b -> new Object[] {e.creditCode(), e.creditCode(), b.lineName(), e.year(),
                        b.pollutant(), b.tonnes()})).toList());
        audit.record("enterprises.equipped.batch", "enterprise", all.size() + " 家", null, "批量登记生产线、排放口和基准排放量",
                Map.of("count", String.valueOf(all.size())));
        enterprises.analyze("enterprise_line", "enterprise_outlet", "enterprise_baseline");
        return all.size();
    }

    /** Binds an outlet to its gateway device (the device must be in the actor's scope and bound to no other outlet). */
    @Transactional
    public Outlet bindDevice(String creditCode, String outletCode, String deviceMn) {
        Enterprise e = writable(creditCode);
        devices.find(deviceMn);
        try {
            int n = jdbc.sql("UPDATE enterprise_outlet SET device_mn = ? WHERE credit_code = ? AND code = ?")
                    .params(deviceMn, e.creditCode(), outletCode).update();
            if (n == 0) {
                throw new org.lantian.platform.monitoring.NotFound("排放口 " + outletCode + "（" + e.name() + "）");
            }
        } catch (DuplicateKeyException duplicate) {
            throw new IllegalArgumentException("deviceMn：设备 " + deviceMn + " 已绑定其他排放口");
        }
        audit.record("enterprises.outlet.bound", "enterprise", e.creditCode(), e.countyCode(), null,
                Map.of("outlet", outletCode, "device", deviceMn));
        return outlets(e.creditCode()).stream().filter(o -> o.code().equals(outletCode)).findFirst().orElseThrow();
    }

    /** A line found by its electricity sub-meter point, with its plant. */
    public record MeteredLine(String meterPoint, String creditCode, String plantName, String countyCode, long lineId, String lineName, LineKind kind,
                              String serves) {
    }

    /** The lines of the given sub-meter points, across the city (a feed's readings are matched as they arrive). */
    public Map<String, MeteredLine> meteredLines(java.util.Collection<String> meterPoints) {
        Map<String, MeteredLine> found = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT l.meter_point, l.credit_code, e.name, e.county_code, l.id, l.name, l.kind, l.serves
                          FROM enterprise_line l JOIN enterprise e ON e.credit_code = l.credit_code WHERE l.meter_point = ANY(?)""")
                .param(meterPoints.toArray(String[]::new))
                .query(rs -> {
                    found.put(rs.getString(1), new MeteredLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getString(6), LineKind.valueOf(rs.getString(7)), rs.getString(8)));
                });
        return found;
    }

    /** Every metered line of a plant. */
    public List<MeteredLine> meteredLinesOf(String creditCode) {
        return jdbc.sql("""
                        SELECT l.meter_point, l.credit_code, e.name, e.county_code, l.id, l.name, l.kind, l.serves
                          FROM enterprise_line l JOIN enterprise e ON e.credit_code = l.credit_code
                         WHERE l.credit_code = ? AND l.meter_point IS NOT NULL ORDER BY l.id""")
                .param(creditCode)
                .query((rs, n) -> new MeteredLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6), LineKind.valueOf(rs.getString(7)), rs.getString(8))).list();
    }

    /** A production line with its baselines (tonnes a year by pollutant) of the plant's latest baseline year. */
    public record LineBase(long id, String name, Map<String, BigDecimal> tonnes) {
    }

    /**
     * What an emergency reduction is counted from for one plant: its county, grading industry and current
     * grade, its production lines with their baselines, and the baselines kept for the whole plant (line null).
     */
    public record PlantBase(String creditCode, String name, String countyCode, String gradingIndustry, String gradeScheme, String grade,
                            List<LineBase> lines, Map<String, BigDecimal> plantTonnes) {
    }

    /**
     * Every operating plant on the emission-reduction list the actor may see, with its lines and the baselines
     * of its latest baseline year, read in three queries (the measures of ~3 900 plants are generated at once).
     */
    public List<PlantBase> reductionBases() {
        return reductionBases(null);
    }

    /** One plant's reduction base (it need not be on the list: a measure may be set for any plant the actor may see). */
    public PlantBase reductionBase(String creditCode) {
        Enterprise e = enterprises.find(creditCode);
        return reductionBases(e.creditCode()).stream().findFirst().orElseThrow(() -> new IllegalStateException(e.name() + " 不在产，没有应急减排基数"));
    }

    private List<PlantBase> reductionBases(String only) {
        var scope = actors.current().scope();
        Map<String, PlantBase> plants = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT e.credit_code, e.name, e.county_code, e.grading_industry, g.scheme, g.grade FROM enterprise e
                          LEFT JOIN enterprise_grade g ON g.credit_code = e.credit_code AND g.valid_to IS NULL
                         WHERE e.status = 'OPERATING' AND (? OR e.county_code = ANY(?))
                           AND (?::text IS NULL AND EXISTS (SELECT 1 FROM enterprise_flag f WHERE f.credit_code = e.credit_code
                                                             AND f.flag = 'REDUCTION_LIST' AND f.valid_to IS NULL)
                                OR e.credit_code = ?)
                         ORDER BY e.county_code, e.credit_code""")
                .params(scope.citywide(), scope.countyArray(), only, only)
                .query(rs -> {
                    plants.put(rs.getString(1), new PlantBase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), new ArrayList<>(), new LinkedHashMap<>()));
                });
        String[] codes = plants.keySet().toArray(String[]::new);
        Map<Long, LineBase> lines = new LinkedHashMap<>();
        jdbc.sql("SELECT id, credit_code, name FROM enterprise_line WHERE kind = 'PRODUCTION' AND credit_code = ANY(?) ORDER BY credit_code, id")
                .param(codes).query(rs -> {
                    LineBase line = new LineBase(rs.getLong(1), rs.getString(3), new LinkedHashMap<>());
                    lines.put(line.id(), line);
                    plants.get(rs.getString(2)).lines().add(line);
                });
        jdbc.sql("""
                        WITH latest AS (SELECT credit_code, max(year) AS year FROM enterprise_baseline WHERE credit_code = ANY(?) GROUP BY credit_code)
                        SELECT b.credit_code, b.line_id, b.pollutant, b.tonnes FROM enterprise_baseline b
                          JOIN latest l ON l.credit_code = b.credit_code AND l.year = b.year""")
                .param(codes).query(rs -> {
                    Long lineId = (Long) rs.getObject(2);
                    LineBase line = lineId == null ? null : lines.get(lineId);
                    (line != null ? line.tonnes() : plants.get(rs.getString(1)).plantTonnes()).merge(rs.getString(3), rs.getBigDecimal(4), BigDecimal::add);
                });
        return List.copyOf(plants.values());
    }

    private Enterprise writable(String creditCode) {
        Enterprise e = enterprises.find(creditCode);
        enterprises.requireWriter(e.countyCode());
        return e;
    }
}
