package org.lantian.platform.enterprises;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lantian.platform.geo.Division;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Performance grades (绩效分级, STANDARDS §4.3): each enterprise's grade history under the schemes kept as
 * data, and the plan's progress of 创A and 升A晋B by county, computed from that history.
 */
@Service
public class Grades {

    private final JdbcClient jdbc;
    private final Enterprises enterprises;
    private final Divisions divisions;
    private final Actors actors;
    private final AuditLog audit;
    private final Clock clock;
    private final javax.sql.DataSource dataSource;

    Grades(JdbcClient jdbc, Enterprises enterprises, Divisions divisions, Actors actors, AuditLog audit, Clock clock,
           javax.sql.DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.divisions = divisions;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A scheme's grades, best first, and how a grade is found: {@code AS_GIVEN} (recorded as the assessment gave it) or
     * {@code WEAKEST_INDICATOR} (computed from the indicator grades, {@link GradingRule}).
     */
    public record Scheme(String code, String name, LocalDate validFrom, String source, List<String> grades, String rule,
                         String selectedGrade) {
    }

    public List<Scheme> schemes() {
        Map<String, List<String>> grades = new LinkedHashMap<>();
        jdbc.sql("SELECT scheme, grade FROM grading_grade ORDER BY scheme, rank")
                .query(rs -> {
                    grades.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return jdbc.sql("SELECT * FROM grading_scheme ORDER BY valid_from")
                .query((rs, n) -> new Scheme(rs.getString("code"), rs.getString("name"), rs.getDate("valid_from").toLocalDate(),
                        rs.getString("source"), grades.getOrDefault(rs.getString("code"), List.of()), rs.getString("rule"),
                        rs.getString("selected_grade")))
                .list();
    }

    /** The rule that computes a scheme's grade from indicators; refused for a scheme whose grade is recorded as given. */
    GradingRule rule(String scheme) {
        var rule = jdbc.sql("SELECT rule, selected_grade, selected_from FROM grading_scheme WHERE code = ?").param(scheme)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).optional()
                .orElseThrow(() -> new IllegalArgumentException("scheme：没有分级方案 " + scheme));
        if (!"WEAKEST_INDICATOR".equals(rule[0])) {
            throw new IllegalArgumentException("scheme：" + scheme + " 的等级按评定结果直接记录，不按指标计算");
        }
        List<String> grades = new ArrayList<>();
        List<String> indicatorGrades = new ArrayList<>();
        jdbc.sql("SELECT grade, indicator_grade FROM grading_grade WHERE scheme = ? ORDER BY rank").param(scheme).query(rs -> {
            grades.add(rs.getString(1));
            if (rs.getBoolean(2)) {
                indicatorGrades.add(rs.getString(1));
            }
        });
        return new GradingRule(grades, indicatorGrades, rule[1], rule[2]);
    }

    /** A grade computed from its indicators, with the indicators kept as its evidence. */
    public record Assessed(Grade grade, GradingRule.Result result) {
    }

    /**
     * Grades an enterprise under a scheme whose grade is computed ({@link GradingRule}): the grade the
     * indicators give (or the selected grade, when asked and allowed) from {@code validFrom}, recorded like
     * any other with the indicators and the explanation as its evidence.
     */
    @Transactional
    public Assessed assess(String creditCode, String scheme, LocalDate validFrom, List<GradingRule.Indicator> indicators, boolean selected,
                           String evidence) {
        if (evidence != null && evidence.length() > 1000) {
            throw new IllegalArgumentException("evidence：依据不超过 1000 字（评定说明另附，合计不超过 2000 字）");
        }
        GradingRule.Result result = rule(scheme).apply(indicators, selected);
        String why = result.explanation() + (evidence == null || evidence.isBlank() ? "" : "。依据：" + evidence.strip());
        if (why.length() > 2000) {
            throw new IllegalArgumentException("indicators：评定说明超过 2000 字（指标名称过长或过多），请精简指标名称");
        }
        Grade grade = record(creditCode, scheme, result.grade(), null, validFrom, why);
        long id = jdbc.sql("SELECT id FROM enterprise_grade WHERE credit_code = ? ORDER BY valid_from DESC LIMIT 1")
                .param(enterprises.find(creditCode).creditCode()).query(Long.class).single();
        for (GradingRule.Indicator x : indicators) {
            jdbc.sql("INSERT INTO enterprise_grade_indicator (grade_id, grading_industry, indicator, grade) VALUES (?, ?, ?, ?)")
                    .params(id, x.industry().strip(), x.indicator().strip(), x.grade().strip()).update();
        }
        return new Assessed(grade, result);
    }

    /** One grade an enterprise has held. */
    public record Grade(String scheme, String grade, String gradingIndustry, LocalDate validFrom, LocalDate validTo, String evidence,
                        String recordedBy) {
    }

    /** A new grade from {@code validFrom}; the grade in force before ends the day before. */
    @Transactional
    public Grade record(String creditCode, String scheme, String grade, String gradingIndustry, LocalDate validFrom, String evidence) {
        Enterprise e = enterprises.find(creditCode);
        enterprises.requireWriter(e.countyCode());
        if (validFrom == null) {
            throw new IllegalArgumentException("validFrom：请填写分级结果的生效日期");
        }
        boolean known = jdbc.sql("SELECT EXISTS (SELECT 1 FROM grading_grade WHERE scheme = ? AND grade = ?)")
                .params(scheme, grade).query(Boolean.class).single();
        if (!known) {
            throw new IllegalArgumentException("grade：“" + grade + "”不是分级方案 " + scheme + " 的等级（可用："
                    + schemes().stream().filter(s -> s.code().equals(scheme)).findFirst().map(s -> String.join("、", s.grades()))
                    .orElse("无此方案") + "）");
        }
        LocalDate latest = jdbc.sql("SELECT max(valid_from) FROM enterprise_grade WHERE credit_code = ?").param(e.creditCode())
                .query(LocalDate.class).optional().orElse(null);
        if (latest != null && !validFrom.isAfter(latest)) {
            throw new IllegalArgumentException("validFrom：新的分级结果应晚于已记录的最近一次（" + latest + "）");
        }
        jdbc.sql("UPDATE enterprise_grade SET valid_to = ? WHERE credit_code = ? AND valid_to IS NULL")
                .params(Date.valueOf(validFrom.minusDays(1)), e.creditCode()).update();
        jdbc.sql("""
                        INSERT INTO enterprise_grade (credit_code, scheme, grade, grading_industry, valid_from, evidence, recorded_by, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.creditCode(), scheme, grade, gradingIndustry == null ? e.gradingIndustry() : gradingIndustry,
                        Date.valueOf(validFrom), evidence, actors.current().username(), Timestamp.from(clock.instant()))
                .update();
        audit.record("enterprises.graded", "enterprise", e.creditCode(), e.countyCode(), evidence,
                Map.of("scheme", scheme, "grade", grade, "validFrom", validFrom.toString()));
        List<Grade> history = history(e.creditCode());
        return history.get(history.size() - 1);
    }

    /** A first grade for an enterprise that has none (an import, the demo). */
    public record FirstGrade(String creditCode, String scheme, String grade, LocalDate validFrom, String evidence) {
    }

    /** Records first grades in one batch; the enterprises must exist and have no grade yet. */
    @Transactional
    public int recordFirst(List<FirstGrade> first) {
        if (!actors.current().isCityOffice()) {
            throw new org.lantian.platform.identity.AccessDenied(actors.current().username() + " 无权批量记录绩效分级");
        }
        java.sql.Timestamp now = Timestamp.from(clock.instant());
        String by = actors.current().username();
        new org.springframework.jdbc.core.JdbcTemplate(dataSource).batchUpdate("""
                INSERT INTO enterprise_grade (credit_code, scheme, grade, valid_from, evidence, recorded_by, recorded_at)
                SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM enterprise_grade WHERE credit_code = ?)""",
                first.stream().map(g -> new Object[] {g.creditCode(), g.scheme(), g.grade(), Date.valueOf(g.validFrom()), g.evidence(), by, now,
                        g.creditCode()}).toList());
        audit.record("enterprises.graded.batch", "enterprise", first.size() + " 家", null, "批量记录绩效分级",
                Map.of("count", String.valueOf(first.size())));
        enterprises.analyze("enterprise_grade");
        return first.size();
    }

    public List<Grade> history(String creditCode) {
        Enterprise e = enterprises.find(creditCode);
        return jdbc.sql("SELECT * FROM enterprise_grade WHERE credit_code = ? ORDER BY valid_from").param(e.creditCode())
                .query((rs, n) -> grade(rs)).list();
    }

    /** The grade histories of enterprises already read within the actor's scope, in one query (an export). */
    Map<String, List<Grade>> histories(List<Enterprise> of) {
        Map<String, List<Grade>> histories = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM enterprise_grade WHERE credit_code = ANY(?) ORDER BY credit_code, valid_from")
                .param(of.stream().map(Enterprise::creditCode).toArray(String[]::new))
                .query(rs -> {
                    histories.computeIfAbsent(rs.getString("credit_code"), k -> new ArrayList<>()).add(grade(rs));
                });
        return histories;
    }

    private static Grade grade(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Grade(rs.getString("scheme"), rs.getString("grade"), rs.getString("grading_industry"),
                rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_to") == null ? null : rs.getDate("valid_to").toLocalDate(),
                rs.getString("evidence"), rs.getString("recorded_by"));
    }

    /** The plan's yearly targets for the register: enterprises to reach A (创A), to reach A, B or leading, on the whitelist. */
    public record Targets(int year, Integer upgradeToA, Integer upgradeToAOrB, Integer whitelist) {
    }

    /** Sets a year's targets (city office); a null target is not set. */
    @Transactional
    public Targets setTargets(Targets t, String reason) {
        if (!actors.current().isCityOffice()) {
            throw new org.lantian.platform.identity.AccessDenied(actors.current().username() + " 无权设定企业管理目标");
        }
        if (t.year() < 2013 || t.year() > 2100) {
            throw new IllegalArgumentException("year：" + t.year() + " 不在 2013–2100 之间");
        }
        Map<String, Integer> kinds = new LinkedHashMap<>();
        kinds.put("UPGRADE_TO_A", t.upgradeToA());
        kinds.put("UPGRADE_TO_A_OR_B", t.upgradeToAOrB());
        kinds.put("WHITELIST", t.whitelist());
        kinds.forEach((kind, value) -> {
            if (value != null && (value < 0 || value > 100_000)) {
                throw new IllegalArgumentException(kind + "：目标应为 0–100000 家");
            }
            jdbc.sql("DELETE FROM enterprise_target WHERE year = ? AND kind = ?").params(t.year(), kind).update();
            if (value != null) {
                jdbc.sql("INSERT INTO enterprise_target (year, kind, value) VALUES (?, ?, ?)").params(t.year(), kind, value).update();
            }
        });
        audit.record("enterprises.targets.set", "enterprise-targets", String.valueOf(t.year()), null, reason,
                Map.of("upgradeToA", String.valueOf(t.upgradeToA()), "upgradeToAOrB", String.valueOf(t.upgradeToAOrB()),
                        "whitelist", String.valueOf(t.whitelist())));
        return targets(t.year());
    }

    public Targets targets(int year) {
        Map<String, Integer> v = new LinkedHashMap<>();
        jdbc.sql("SELECT kind, value FROM enterprise_target WHERE year = ?").param(year).query(rs -> {
            v.put(rs.getString(1), rs.getInt(2));
        });
        return new Targets(year, v.get("UPGRADE_TO_A"), v.get("UPGRADE_TO_A_OR_B"), v.get("WHITELIST"));
    }

    /**
     * One county's (or the city's) progress in a year: enterprises that reached A or better (创A), and that
     * reached A, B or leading (升A晋B), having not held such a grade on the year's first day; with the
     * plan's targets where the year has them (the city's only).
     */
    public record Progress(String areaCode, String name, int upgradedToA, int upgradedToAOrB, Integer targetA, Integer targetAOrB) {
    }

    /** Progress of every county-level unit the actor may see, and the city's total first (citywide users). */
    public List<Progress> progress(int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate today = LocalDate.now(clock);
        LocalDate last = today.isBefore(first.plusYears(1)) ? today : first.plusYears(1).minusDays(1);
        Map<String, int[]> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        WITH at_start AS (
                            SELECT g.credit_code, gg.counts_as_a, gg.counts_as_a_or_b FROM enterprise_grade g
                              JOIN grading_grade gg ON gg.scheme = g.scheme AND gg.grade = g.grade
                             WHERE g.valid_from < ? AND (g.valid_to IS NULL OR g.valid_to >= ?)),
                        at_end AS (
                            SELECT g.credit_code, gg.counts_as_a, gg.counts_as_a_or_b FROM enterprise_grade g
                              JOIN grading_grade gg ON gg.scheme = g.scheme AND gg.grade = g.grade
                             WHERE g.valid_from <= ? AND (g.valid_to IS NULL OR g.valid_to >= ?))
                        SELECT e.county_code,
                               count(*) FILTER (WHERE n.counts_as_a AND NOT coalesce(s.counts_as_a, false)) AS to_a,
                               count(*) FILTER (WHERE n.counts_as_a_or_b AND NOT coalesce(s.counts_as_a_or_b, false)) AS to_a_or_b
                          FROM at_end n JOIN enterprise e ON e.credit_code = n.credit_code
                          LEFT JOIN at_start s ON s.credit_code = n.credit_code
                         GROUP BY e.county_code""")
                .params(Date.valueOf(first), Date.valueOf(first), Date.valueOf(last), Date.valueOf(last))
                .query(rs -> {
                    counts.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
                });
        Map<String, Integer> targets = new LinkedHashMap<>();
        jdbc.sql("SELECT kind, value FROM enterprise_target WHERE year = ?").param(year)
                .query(rs -> {
                    targets.put(rs.getString(1), rs.getInt(2));
                });
        var scope = actors.current().scope();
        List<Progress> rows = new ArrayList<>();
        if (scope.citywide()) {
            int a = counts.values().stream().mapToInt(c -> c[0]).sum();
            int ab = counts.values().stream().mapToInt(c -> c[1]).sum();
            rows.add(new Progress(Divisions.CITY_CODE, "邯郸市", a, ab, targets.get("UPGRADE_TO_A"), targets.get("UPGRADE_TO_A_OR_B")));
        }
        for (Division unit : divisions.countyLevelUnits()) {
            if (scope.covers(unit.code())) {
                int[] c = counts.getOrDefault(unit.code(), new int[2]);
                rows.add(new Progress(unit.code(), unit.shortName(), c[0], c[1], null, null));
            }
        }
        return rows;
    }
}
