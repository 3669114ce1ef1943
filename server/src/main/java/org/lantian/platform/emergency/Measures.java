package org.lantian.platform.emergency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.lantian.platform.enterprises.Enterprises;
import org.lantian.platform.enterprises.Facilities;
import org.lantian.platform.geo.Division;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.AuditLog;
import org.lantian.standards.BeijingTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each plant's emergency measures per level (一厂一策): generated for every plant on the emission-reduction
 * list from the templates of its grading industry and grade, editable per plant by its county or the city
 * office, each revision kept with its expected reduction; and the sums per county against the share the
 * level requires.
 */
@Service
public class Measures {

    /** A template row: what plants of a grading industry ('*': any) and grade do at a level. */
    public record Template(int version, String gradingIndustry, String grade, WarningLevel level, MeasureKind kind, int percent,
                           int truckBanStage, String text) {
    }

    /** A plant's measure at a level, as it stands. */
    public record Measure(String creditCode, String countyCode, WarningLevel level, int revision, Integer templateVersion, MeasureKind kind,
                          int percent, List<Long> stopLineIds, int truckBanStage, String text, Map<String, BigDecimal> base,
                          Map<String, BigDecimal> cut, boolean edited, String reason, String recordedBy, java.time.Instant recordedAt) {
    }

    /** What a generation did. */
    public record Generated(int templateVersion, int plants, int measures, int keptEdited, long millis) {
    }

    /** An area's expected reduction at a level against the share required, per pollutant (tonnes a day, %). */
    public record AreaReduction(String areaCode, String name, int plants, Map<String, BigDecimal> base, Map<String, BigDecimal> cut,
                                Map<String, BigDecimal> sharePercent, int requiredPercent, List<String> shortOf) {
    }

    static final String GRADELESS = "未分级";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Facilities facilities;
    private final Enterprises enterprises;
    private final WarningRules rules;
    private final Divisions divisions;
    private final Actors actors;
    private final AuditLog audit;
    private final Clock clock;

    Measures(JdbcClient jdbc, DataSource dataSource, Facilities facilities, Enterprises enterprises, WarningRules rules, Divisions divisions,
             Actors actors, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.batch = new JdbcTemplate(dataSource);
        this.facilities = facilities;
        this.enterprises = enterprises;
        this.rules = rules;
        this.divisions = divisions;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
    }

    /** The template version in force today. */
    public int templateVersion() {
        return jdbc.sql("SELECT max(version) FROM emergency_template_version WHERE valid_from <= ?")
                .param(java.sql.Date.valueOf(LocalDate.now(clock.withZone(BeijingTime.ZONE)))).query(Integer.class).single();
    }

    public List<Template> templates(int version) {
        return jdbc.sql("SELECT * FROM emergency_measure_template WHERE version = ? ORDER BY grading_industry, grade, level").param(version)
                .query((rs, n) -> new Template(rs.getInt("version"), rs.getString("grading_industry"), rs.getString("grade"),
                        WarningLevel.valueOf(rs.getString("level")), MeasureKind.valueOf(rs.getString("kind")), rs.getInt("percent"),
                        rs.getInt("truck_ban_stage"), rs.getString("text"))).list();
    }

    /**
     * Generates every listed plant's measures for the three levels from the templates in force: city office.
     * A measure its county edited is kept unless {@code replaceEdited}.
     */
    @Transactional
    public Generated generate(boolean replaceEdited, String reason) {
        requireCityOffice();
        long started = System.nanoTime();
        int version = templateVersion();
        Map<String, Template> templates = new HashMap<>();
        templates(version).forEach(t -> templates.put(t.gradingIndustry() + "|" + t.grade() + "|" + t.level(), t));
        Map<String, Boolean> editedNow = new HashMap<>();
        Map<String, Integer> revisions = new HashMap<>();
        jdbc.sql("SELECT credit_code, level, edited, revision FROM emergency_plant_measure WHERE current")
                .query(rs -> {
                    editedNow.put(rs.getString(1) + "|" + rs.getString(2), rs.getBoolean(3));
                    revisions.put(rs.getString(1) + "|" + rs.getString(2), rs.getInt(4));
                });
        List<Object[]> rows = new ArrayList<>();
        List<String[]> retired = new ArrayList<>();
        int kept = 0;
        Timestamp now = Timestamp.from(clock.instant());
        String by = actors.current().username();
        List<Facilities.PlantBase> plants = facilities.reductionBases();
        for (Facilities.PlantBase plant : plants) {
            for (WarningLevel level : WarningLevel.values()) {
                String key = plant.creditCode() + "|" + level;
                if (!replaceEdited && Boolean.TRUE.equals(editedNow.get(key))) {
                    kept++;
                    continue;
                }
                Template t = templateFor(templates, plant, level);
                Reduction r = Reduction.of(plant, t.kind(), t.percent(), null);
                if (editedNow.containsKey(key)) {
                    retired.add(new String[] {plant.creditCode(), level.name()});
                }
                rows.add(row(plant, level, revisions.getOrDefault(key, 0) + 1, version, t.kind(), t.percent(), r, t.truckBanStage(), t.text(),
                        false, reason, by, now));
            }
        }
        jdbc.sql("""
                        UPDATE emergency_plant_measure m SET current = false FROM unnest(?::text[], ?::text[]) AS r(credit_code, level)
                         WHERE m.current AND m.credit_code = r.credit_code AND m.level = r.level""")
                .params(retired.stream().map(k -> k[0]).toArray(String[]::new), retired.stream().map(k -> k[1]).toArray(String[]::new)).update();
        insert(rows);
        jdbc.sql("ANALYZE emergency_plant_measure").update();
        long millis = (System.nanoTime() - started) / 1_000_000;
        audit.record("emergency.measures.generated", "measures", "v" + version, null, reason,
                Map.of("plants", String.valueOf(plants.size()), "measures", String.valueOf(rows.size()), "keptEdited", String.valueOf(kept)));
        return new Generated(version, plants.size(), rows.size(), kept, millis);
    }

    private static Template templateFor(Map<String, Template> templates, Facilities.PlantBase plant, WarningLevel level) {
        String grade = plant.grade() == null ? GRADELESS : plant.grade();
        Template t = templates.get(plant.gradingIndustry() + "|" + grade + "|" + level);
        if (t == null) {
            t = templates.get("*|" + grade + "|" + level);
        }
        if (t == null) {
            t = templates.get("*|" + GRADELESS + "|" + level);
        }
        if (t == null) {
            throw new IllegalStateException("应急减排措施模板缺少“" + grade + "”级 " + level.colour() + "预警的措施");
        }
        return t;
    }

    /** A new revision, in the columns {@link #insert} takes. */
    private static Object[] row(Facilities.PlantBase plant, WarningLevel level, int revision, Integer version, MeasureKind kind, int percent,
                                Reduction r, int truckBanStage, String text, boolean edited, String reason, String by, Timestamp at) {
        return new Object[] {revision, plant.creditCode(), plant.countyCode(), level.name(), version, kind.name(), percent,
                "{" + String.join(",", r.stopLineIds().stream().map(String::valueOf).toList()) + "}", truckBanStage, text,
                r.base().get("SO2"), r.base().get("NOX"), r.base().get("PM"), r.base().get("VOCS"),
                r.cut().get("SO2"), r.cut().get("NOX"), r.cut().get("PM"), r.cut().get("VOCS"), edited, reason, by, at};
    }

    private static final String[] COLUMN_TYPES = {"int", "text", "text", "text", "int", "text", "int", "text", "int", "text",
            "numeric", "numeric", "numeric", "numeric", "numeric", "numeric", "numeric", "numeric", "boolean", "text", "text", "timestamptz"};

    /**
     * Inserts new revisions as current in one statement over column arrays: 11 718 rows (three levels of the demo
     * register) took 1.0 s as a JDBC batch of single-row inserts.
     */
    private void insert(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("""
                INSERT INTO emergency_plant_measure (revision, credit_code, county_code, level, template_version, kind, percent, stop_line_ids,
                    truck_ban_stage, text, base_so2, base_nox, base_pm, base_vocs, cut_so2, cut_nox, cut_pm, cut_vocs, edited, reason,
                    recorded_by, recorded_at, current)
                SELECT c1, c2, c3, c4, c5, c6, c7, c8::bigint[], c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, c20, c21, c22, true
                  FROM unnest(""");
        Object[] arrays = new Object[COLUMN_TYPES.length];
        for (int c = 0; c < COLUMN_TYPES.length; c++) {
            sql.append(c == 0 ? "" : ", ").append("?::").append(COLUMN_TYPES[c]).append("[]");
            Object[] column = new Object[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                column[r] = rows.get(r)[c];
            }
            arrays[c] = column;
        }
        sql.append(") AS t(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, c20, c21, c22)");
        batch.execute((java.sql.Connection connection) -> {
            try (var statement = connection.prepareStatement(sql.toString())) {
                for (int c = 0; c < COLUMN_TYPES.length; c++) {
                    statement.setArray(c + 1, connection.createArrayOf(COLUMN_TYPES[c].equals("timestamptz") ? "timestamptz" : COLUMN_TYPES[c],
                            (Object[]) arrays[c]));
                }
                return statement.executeUpdate();
            }
        });
    }

    /** Changes one plant's measure at a level: its county or the city office; the expected reduction is counted again. */
    @Transactional
    public Measure edit(String creditCode, WarningLevel level, MeasureKind kind, Integer percent, List<Long> stopLineIds, Integer truckBanStage,
                        String text, String reason) {
        var e = enterprises.find(creditCode);
        enterprises.requireWriter(e.countyCode());
        if (level == null || kind == null) {
            throw new IllegalArgumentException("level：请指明预警级别和措施类别（SELF、CUT、STOP_SHARE、STOP）");
        }
        int pct = percent == null ? (kind == MeasureKind.STOP ? 100 : 0) : percent;
        if (pct < 0 || pct > 100) {
            throw new IllegalArgumentException("percent：应为 0–100，收到 " + pct);
        }
        int stage = truckBanStage == null ? 0 : truckBanStage;
        if (stage < 0 || stage > 6) {
            throw new IllegalArgumentException("truckBanStage：应为 0（不限）至 6（停止公路运输），收到 " + stage);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason：请填写调整依据");
        }
        Facilities.PlantBase plant = facilities.reductionBase(e.creditCode());
        List<Long> lines = null;
        if (kind == MeasureKind.STOP_SHARE && stopLineIds != null && !stopLineIds.isEmpty()) {
            var own = plant.lines().stream().map(Facilities.LineBase::id).toList();
            for (int i = 0; i < stopLineIds.size(); i++) {
                if (!own.contains(stopLineIds.get(i))) {
                    throw new IllegalArgumentException("stopLineIds[" + i + "]：" + stopLineIds.get(i) + " 不是 " + e.name() + " 的生产线");
                }
            }
            lines = stopLineIds.stream().distinct().toList();
        }
        Reduction r = Reduction.of(plant, kind, pct, lines);
        String words = text == null || text.isBlank() ? describe(kind, pct, r.stopLineIds().size(), stage) : text.strip();
        if (words.length() > 500) {
            throw new IllegalArgumentException("text：措施说明不超过 500 字");
        }
        int revision = jdbc.sql("SELECT coalesce(max(revision), 0) + 1 FROM emergency_plant_measure WHERE credit_code = ? AND level = ?")
                .params(plant.creditCode(), level.name()).query(Integer.class).single();
        jdbc.sql("UPDATE emergency_plant_measure SET current = false WHERE credit_code = ? AND level = ? AND current")
                .params(plant.creditCode(), level.name()).update();
        insert(List.<Object[]>of(row(plant, level, revision, null, kind, pct, r, stage, words, true, reason.strip(), actors.current().username(),
                Timestamp.from(clock.instant()))));
        audit.record("emergency.measure.edited", "enterprise", plant.creditCode(), plant.countyCode(), reason,
                Map.of("level", level.name(), "kind", kind.name(), "percent", String.valueOf(pct)));
        return of(plant.creditCode()).stream().filter(m -> m.level() == level).findFirst().orElseThrow();
    }

    private static String describe(MeasureKind kind, int percent, int lines, int stage) {
        String what = switch (kind) {
            case SELF -> "自主采取减排措施";
            case CUT -> percent == 0 ? "不限产" : "限产 " + percent + "%";
            case STOP_SHARE -> "停产 " + lines + " 条生产线";
            case STOP -> "停产";
        };
        return what + (stage == 6 ? "；停止公路运输" : stage > 0 ? "；禁止国" + "一二三四五".charAt(stage - 1) + "及以下重型货车运输" : "");
    }

    /** A plant's current measures (three levels at most), in the actor's scope. */
    public List<Measure> of(String creditCode) {
        var e = enterprises.find(creditCode);
        return jdbc.sql("SELECT * FROM emergency_plant_measure WHERE credit_code = ? AND current ORDER BY level").param(e.creditCode())
                .query((rs, n) -> map(rs)).list();
    }

    /** Every revision of a plant's measures, newest first. */
    public List<Measure> history(String creditCode) {
        var e = enterprises.find(creditCode);
        return jdbc.sql("SELECT * FROM emergency_plant_measure WHERE credit_code = ? ORDER BY level, revision DESC").param(e.creditCode())
                .query((rs, n) -> map(rs)).list();
    }

    /** One page of the current measures at a level in the actor's area (a county's list). */
    /** Every plant's measure at a level across the city, for the city office's own checks (archived receipts). */
    List<Measure> everyPlant(WarningLevel level) {
        return jdbc.sql("SELECT * FROM emergency_plant_measure WHERE current AND level = ? ORDER BY county_code, credit_code").param(level.name())
                .query((rs, n) -> map(rs)).list();
    }

    public List<Measure> list(WarningLevel level, String countyCode, int offset, int limit) {
        var scope = actors.current().scope();
        if (actors.current().enterpriseCode() != null) {
            return of(actors.current().enterpriseCode()).stream().filter(m -> m.level() == level).toList();
        }
        if (limit < 1 || limit > 500 || offset < 0) {
            throw new IllegalArgumentException("limit：每页 1–500 条，offset 不小于 0");
        }
        return jdbc.sql("""
                        SELECT * FROM emergency_plant_measure WHERE current AND level = ? AND (? OR county_code = ANY(?))
                           AND (?::text IS NULL OR county_code = ?) ORDER BY county_code, credit_code LIMIT ? OFFSET ?""")
                .params(level.name(), scope.citywide(), scope.countyArray(), countyCode, countyCode, limit, offset)
                .query((rs, n) -> map(rs)).list();
    }

    /** Each county's and the city's expected reduction at a level against the share the rules in force require. */
    public List<AreaReduction> reductions(WarningLevel level) {
        int required = rules.on(LocalDate.now(clock.withZone(BeijingTime.ZONE))).reductionShares().getOrDefault(level, 0);
        var scope = actors.current().scope();
        Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
        Map<String, Integer> plants = new HashMap<>();
        jdbc.sql("""
                        SELECT county_code, count(*), sum(base_so2), sum(base_nox), sum(base_pm), sum(base_vocs),
                               sum(cut_so2), sum(cut_nox), sum(cut_pm), sum(cut_vocs)
                          FROM emergency_plant_measure WHERE current AND level = ? GROUP BY county_code""")
                .param(level.name())
                .query(rs -> {
                    BigDecimal[] v = new BigDecimal[8];
                    for (int i = 0; i < 8; i++) {
                        v[i] = rs.getBigDecimal(3 + i);
                    }
                    sums.put(rs.getString(1), v);
                    plants.put(rs.getString(1), rs.getInt(2));
                });
        List<AreaReduction> rows = new ArrayList<>();
        if (scope.citywide()) {
            BigDecimal[] city = new BigDecimal[8];
            Arrays.fill(city, BigDecimal.ZERO);
            sums.values().forEach(v -> {
                for (int i = 0; i < 8; i++) {
                    city[i] = city[i].add(v[i]);
                }
            });
            rows.add(area(Divisions.CITY_CODE, "邯郸市", plants.values().stream().mapToInt(Integer::intValue).sum(), city, required));
        }
        for (Division unit : divisions.countyLevelUnits()) {
            if (scope.covers(unit.code()) && sums.containsKey(unit.code())) {
                rows.add(area(unit.code(), unit.shortName(), plants.get(unit.code()), sums.get(unit.code()), required));
            }
        }
        return rows;
    }

    private static AreaReduction area(String code, String name, int plants, BigDecimal[] v, int required) {
        Map<String, BigDecimal> base = new LinkedHashMap<>();
        Map<String, BigDecimal> cut = new LinkedHashMap<>();
        Map<String, BigDecimal> share = new LinkedHashMap<>();
        List<String> short_ = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String p = Reduction.POLLUTANTS.get(i);
            base.put(p, v[i].setScale(2, RoundingMode.HALF_EVEN));
            cut.put(p, v[4 + i].setScale(2, RoundingMode.HALF_EVEN));
            BigDecimal pct = v[i].signum() == 0 ? null : v[4 + i].multiply(BigDecimal.valueOf(100)).divide(v[i], 1, RoundingMode.HALF_EVEN);
            share.put(p, pct);
            if (pct != null && pct.compareTo(BigDecimal.valueOf(required)) < 0) {
                short_.add(p);
            }
        }
        return new AreaReduction(code, name, plants, base, cut, share, required, short_);
    }

    private static Measure map(java.sql.ResultSet rs) throws java.sql.SQLException {
        Map<String, BigDecimal> base = new LinkedHashMap<>();
        Map<String, BigDecimal> cut = new LinkedHashMap<>();
        for (String p : Reduction.POLLUTANTS) {
            base.put(p, rs.getBigDecimal("base_" + p.toLowerCase(java.util.Locale.ROOT)));
            cut.put(p, rs.getBigDecimal("cut_" + p.toLowerCase(java.util.Locale.ROOT)));
        }
        Long[] lines = (Long[]) rs.getArray("stop_line_ids").getArray();
        return new Measure(rs.getString("credit_code"), rs.getString("county_code"), WarningLevel.valueOf(rs.getString("level")),
                rs.getInt("revision"), (Integer) rs.getObject("template_version"), MeasureKind.valueOf(rs.getString("kind")), rs.getInt("percent"),
                Arrays.asList(lines), rs.getInt("truck_ban_stage"), rs.getString("text"), base, cut, rs.getBoolean("edited"), rs.getString("reason"),
                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
    }

    private void requireCityOffice() {
        if (!actors.current().isCityOffice()) {
            throw new AccessDenied(actors.current().username() + " 无权生成应急减排措施");
        }
    }

    /**
     * The measures list as the counties file it (XLSX): one row per plant at a level, the plants of the actor's
     * area (or one county), with the expected reduction per pollutant in kilograms a day.
     */
    public byte[] workbook(WarningLevel level, String countyCode) {
        List<Measure> all = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            List<Measure> page = list(level, countyCode, offset, 500);
            all.addAll(page);
            if (page.size() < 500) {
                break;
            }
        }
        Map<String, String> names = enterprises.names(all.stream().map(Measure::creditCode).toList());
        var book = org.lantian.platform.workbooks.OfficeWorkbook.writer(level.colour() + "预警应急减排措施")
                .caption("邯郸市重污染天气" + level.label() + "应急减排措施清单（" + BeijingTime.minute(clock.instant()) + " 导出）").blank()
                .header(List.of("序号", "县（市、区）", "企业名称", "统一社会信用代码", "措施类别", "应急减排措施", "SO₂ 减排（千克/日）", "NOx 减排（千克/日）",
                        "颗粒物减排（千克/日）", "VOCs 减排（千克/日）", "来源"));
        int n = 0;
        for (Measure m : all) {
            book.row(Arrays.asList(++n, divisions.find(m.countyCode()).map(Division::shortName).orElse(m.countyCode()),
                    names.getOrDefault(m.creditCode(), m.creditCode()), m.creditCode(), m.kind().label(), m.text(),
                    kg(m.cut().get("SO2")), kg(m.cut().get("NOX")), kg(m.cut().get("PM")), kg(m.cut().get("VOCS")),
                    m.edited() ? "县区调整" : "模板第 " + m.templateVersion() + " 版"));
        }
        return book.widths(6, 12, 36, 22, 12, 40, 14, 14, 14, 14, 12).bytes();
    }

    private static BigDecimal kg(BigDecimal tonnes) {
        return tonnes.multiply(BigDecimal.valueOf(1000)).setScale(1, RoundingMode.HALF_EVEN);
    }
}
