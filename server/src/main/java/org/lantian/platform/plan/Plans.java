package org.lantian.platform.plan;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lantian.platform.enterprises.Enterprises;
import org.lantian.platform.geo.Division;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.AuditLog;
import org.lantian.platform.monitoring.NotFound;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.workbooks.OfficeWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly plans: imported whole from the office's workbook (or the plans shipped with the platform), read
 * by year with the actor's scope (a county sees the projects in its county), and written back as the workbook.
 */
@Service
public class Plans {

    static final int MAX_ROWS = 5_000;

    /** What an import did: the rows taken per sheet, or every wrong cell (then nothing is stored). */
    public record ImportReport(int year, boolean stored, Map<String, Integer> rows, List<PlanSheets.Problem> errors) {
    }

    private final JdbcClient jdbc;
    private final Divisions divisions;
    private final Enterprises enterprises;
    private final Actors actors;
    private final AuditLog audit;
    private final Clock clock;

    Plans(JdbcClient jdbc, Divisions divisions, Enterprises enterprises, Actors actors, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.enterprises = enterprises;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
    }

    /** Imports a year's plan from the workbook (one sheet per annex, and 数值目标): city office; a year is imported once. */
    @Transactional
    public ImportReport importWorkbook(int year, String title, InputStream in) throws IOException {
        requireCityOffice();
        return store(year, title, "导入的工作簿", OfficeWorkbook.readSheets(in, PlanSheets.COLUMNS, MAX_ROWS));
    }

    /** Stores a plan read from its sheets, whole or not at all. */
    @Transactional
    ImportReport store(int year, String title, String source, Map<String, OfficeWorkbook.Parsed> sheets) {
        if (year < 2013 || year > 2100) {
            throw new IllegalArgumentException("year：年度应在 2013–2100 之间");
        }
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new IllegalArgumentException("title：请填写方案名称（不超过 200 字）");
        }
        if (jdbc.sql("SELECT count(*) FROM plan WHERE year = ?").param(year).query(Integer.class).single() > 0) {
            throw new IllegalStateException(year + " 年的方案已导入；如需更正，请逐项修改而不是重新导入");
        }
        List<PlanSheets.Problem> problems = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        PlanSheets.COLUMNS.keySet().forEach(sheet -> {
            OfficeWorkbook.Parsed p = sheets.get(sheet);
            if (p == null) {
                problems.add(new PlanSheets.Problem(sheet, 0, "", "缺少工作表“" + sheet + "”（" + PlanSheets.TITLES.get(sheet) + "）"));
            } else {
                p.missingColumns().forEach(c -> problems.add(new PlanSheets.Problem(sheet, 1, c, "表头缺少“" + c + "”列")));
            }
        });
        if (!problems.isEmpty()) {
            return new ImportReport(year, false, counts, problems);
        }
        List<PlanSheets.ProjectRow> projects = new ArrayList<>();
        for (String sheet : List.of(PlanSheets.ANNEX1, PlanSheets.ANNEX2, PlanSheets.ANNEX3, PlanSheets.ANNEX4)) {
            var read = PlanSheets.projectReader(sheet, year);
            int[] totals = new int[PlanSheets.VOCS_TYPES.size()];
            int rows = 0;
            for (var line : sheets.get(sheet).lines()) {
                if (PlanSheets.CITY_TOTAL.equals(line.get(PlanSheets.SEQ)) || PlanSheets.CITY_TOTAL.equals(line.get(PlanSheets.COUNTY))) {
                    checkTotals(sheet, line, totals, problems);
                    continue;
                }
                try {
                    List<PlanSheets.ProjectRow> taken = read.apply(line);
                    for (int i = 0; i < taken.size() && sheet.equals(PlanSheets.ANNEX3); i++) {
                        totals[i] += taken.get(i).quantity();
                    }
                    taken.forEach(r -> countyOf(r.county()));
                    projects.addAll(taken);
                    rows++;
                } catch (PlanSheets.CellProblem e) {
                    problems.add(new PlanSheets.Problem(sheet, line.line(), e.column, e.getMessage()));
                }
            }
            counts.put(sheet, rows);
        }
        List<PlanSheets.TaskRow> tasks = new ArrayList<>();
        for (var line : sheets.get(PlanSheets.ANNEX5).lines()) {
            try {
                tasks.add(PlanSheets.task(line, year));
            } catch (PlanSheets.CellProblem e) {
                problems.add(new PlanSheets.Problem(PlanSheets.ANNEX5, line.line(), e.column, e.getMessage()));
            }
        }
        counts.put(PlanSheets.ANNEX5, tasks.size());
        List<PlanSheets.TargetRow> targets = new ArrayList<>();
        for (var line : sheets.get(PlanSheets.TARGETS).lines()) {
            try {
                targets.add(PlanSheets.target(line, year));
            } catch (PlanSheets.CellProblem e) {
                problems.add(new PlanSheets.Problem(PlanSheets.TARGETS, line.line(), e.column, e.getMessage()));
            }
        }
        counts.put(PlanSheets.TARGETS, targets.size());
        duplicates(projects.stream().map(r -> r.annex() + "-" + r.seq() + "-" + r.type()).toList(), "附件" , problems);
        duplicates(tasks.stream().map(t -> String.valueOf(t.seq())).toList(), PlanSheets.ANNEX5, problems);
        duplicates(targets.stream().map(t -> String.valueOf(t.seq())).toList(), PlanSheets.TARGETS, problems);
        if (!problems.isEmpty()) {
            return new ImportReport(year, false, counts, problems);
        }
        insert(year, title.strip(), source, projects, tasks, targets);
        audit.record("plan.imported", "plan", String.valueOf(year), null, title.strip(), Map.of("rows", counts.toString(), "source", source));
        return new ImportReport(year, true, counts, List.of());
    }

    private void checkTotals(String sheet, OfficeWorkbook.Line line, int[] totals, List<PlanSheets.Problem> problems) {
        if (!sheet.equals(PlanSheets.ANNEX3)) {
            return;
        }
        for (int i = 0; i < totals.length; i++) {
            String type = PlanSheets.VOCS_TYPES.get(i);
            String given = line.get(type);
            if (given != null && !given.strip().equals(String.valueOf(totals[i]))) {
                problems.add(new PlanSheets.Problem(sheet, line.line(), type, "全市合计 " + given + " 与各县之和 " + totals[i] + " 不符"));
            }
        }
    }

    private static void duplicates(List<String> keys, String sheet, List<PlanSheets.Problem> problems) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        keys.stream().filter(k -> !seen.add(k)).distinct()
                .forEach(k -> problems.add(new PlanSheets.Problem(sheet, 0, PlanSheets.SEQ, "序号重复：" + k)));
    }

    private String countyOf(String name) {
        return divisions.countyLevelUnit(name).map(Division::code)
                .orElseThrow(() -> new PlanSheets.CellProblem(PlanSheets.COUNTY, "“" + name + "”不是邯郸市的县（市、区）"));
    }

    private void insert(int year, String title, String source, List<PlanSheets.ProjectRow> projects, List<PlanSheets.TaskRow> tasks,
                        List<PlanSheets.TargetRow> targets) {
        jdbc.sql("INSERT INTO plan (year, title, source, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)")
                .params(year, title, source, actors.current().username(), Timestamp.from(clock.instant())).update();
        Map<String, String> codes = actors.asSystem(() -> enterprises.codesByName(projects.stream().map(PlanSheets.ProjectRow::enterprise)
                .filter(java.util.Objects::nonNull).distinct().toList()));
        for (var p : projects) {
            jdbc.sql("""
                            INSERT INTO plan_project (year, annex, seq, county_code, industry, enterprise, credit_code, content, type, quantity, park,
                                                      deadline, deadline_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(year, p.annex(), p.seq(), countyOf(p.county()), p.industry(), p.enterprise(),
                            p.enterprise() == null ? null : codes.get(p.enterprise()), p.content(), p.type(), p.quantity(), p.park(), date(p.deadline()),
                            p.deadlineText()).update();
        }
        for (var t : tasks) {
            jdbc.sql("""
                            INSERT INTO plan_task (year, seq, measure, name, target, lead_units, partner_units, partner_note, deadline, deadline_text)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(year, t.seq(), t.measure(), t.name(), t.target(), t.lead().toArray(String[]::new), t.partners().toArray(String[]::new),
                            t.partnerNote(), date(t.deadline()), t.deadlineText()).update();
        }
        for (var t : targets) {
            jdbc.sql("""
                            INSERT INTO plan_target (year, seq, what, target, unit, comparison, deadline, source, lead_unit)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(year, t.seq(), t.what(), t.target(), t.unit(), t.comparison().name(), date(t.deadline()), t.source().name(), t.lead())
                    .update();
        }
    }

    private static Date date(java.time.LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    /** Links projects without an enterprise to the register's enterprise of the same name; returns how many were linked. */
    @Transactional
    int linkEnterprises() {
        List<String> names = jdbc.sql("SELECT DISTINCT enterprise FROM plan_project WHERE credit_code IS NULL AND enterprise IS NOT NULL")
                .query(String.class).list();
        if (names.isEmpty()) {
            return 0;
        }
        Map<String, String> codes = enterprises.codesByName(names);
        codes.forEach((name, code) -> jdbc.sql("UPDATE plan_project SET credit_code = ? WHERE enterprise = ? AND credit_code IS NULL")
                .params(code, name).update());
        return codes.size();
    }

    public List<PlanItems.Plan> plans() {
        return jdbc.sql("""
                        SELECT p.year, p.title, p.source, (SELECT count(*) FROM plan_task t WHERE t.year = p.year),
                               (SELECT count(*) FROM plan_project j WHERE j.year = p.year), (SELECT count(*) FROM plan_target g WHERE g.year = p.year)
                          FROM plan p ORDER BY p.year DESC""")
                .query((rs, n) -> new PlanItems.Plan(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6))).list();
    }

    public PlanItems.Plan plan(int year) {
        return plans().stream().filter(p -> p.year() == year).findFirst().orElseThrow(() -> new NotFound(year + " 年的方案"));
    }

    /** Every task of a year, in the annex's order (every unit sees them: each county carries every task out, as the annex notes). */
    public List<PlanItems.Task> tasks(int year) {
        return jdbc.sql("SELECT * FROM plan_task WHERE year = ? ORDER BY seq").param(year).query((rs, n) -> task(rs)).list();
    }

    public PlanItems.Task task(long id) {
        return jdbc.sql("SELECT * FROM plan_task WHERE id = ?").param(id).query((rs, n) -> task(rs)).optional()
                .orElseThrow(() -> new NotFound("任务 " + id));
    }

    /** A year's projects the actor may see (a county: those in its county), by annex and number. */
    public List<PlanItems.Project> projects(int year) {
        var scope = actors.current().scope();
        return jdbc.sql("SELECT * FROM plan_project WHERE year = ? AND (? OR county_code = ANY(?)) ORDER BY annex, seq, id")
                .params(year, scope.citywide(), scope.countyArray()).query((rs, n) -> project(rs)).list();
    }

    /** A project the actor may see. */
    public PlanItems.Project project(long id) {
        PlanItems.Project p = jdbc.sql("SELECT * FROM plan_project WHERE id = ?").param(id).query((rs, n) -> project(rs)).optional()
                .orElseThrow(() -> new NotFound("项目 " + id));
        if (!actors.current().scope().covers(p.countyCode())) {
            throw new NotFound("项目 " + id);
        }
        return p;
    }

    public List<PlanItems.Target> targets(int year) {
        return jdbc.sql("SELECT * FROM plan_target WHERE year = ? ORDER BY seq").param(year).query((rs, n) -> target(rs)).list();
    }

    public PlanItems.Target target(long id) {
        return jdbc.sql("SELECT * FROM plan_target WHERE id = ?").param(id).query((rs, n) -> target(rs)).optional()
                .orElseThrow(() -> new NotFound("数值目标 " + id));
    }

    /** The year's plan as the workbook it is imported from (the projects the actor may see). */
    public byte[] workbook(int year) {
        PlanItems.Plan plan = plan(year);
        List<PlanItems.Project> projects = projects(year);
        OfficeWorkbook.Writer w = OfficeWorkbook.writer(PlanSheets.ANNEX1);
        for (int annex = 1; annex <= 4; annex++) {
            String sheet = "附件" + annex;
            if (annex > 1) {
                w.sheet(sheet);
            }
            w.header(PlanSheets.COLUMNS.get(sheet));
            int a = annex;
            List<PlanItems.Project> rows = projects.stream().filter(p -> p.annex() == a).toList();
            if (annex == 3) {
                Map<Integer, List<PlanItems.Project>> byCounty = new LinkedHashMap<>();
                rows.forEach(p -> byCounty.computeIfAbsent(p.seq(), k -> new ArrayList<>()).add(p));
                byCounty.forEach((seq, ps) -> {
                    List<Object> row = new ArrayList<>(List.of(seq, countyName(ps.get(0).countyCode())));
                    PlanSheets.VOCS_TYPES.forEach(type -> row.add(ps.stream().filter(p -> p.type().equals(type)).mapToInt(PlanItems.Project::quantity).sum()));
                    row.add(ps.stream().mapToInt(PlanItems.Project::quantity).sum());
                    w.row(row);
                });
            } else {
                for (PlanItems.Project p : rows) {
                    w.row(switch (annex) {
                        case 1 -> Arrays.asList(p.seq(), countyName(p.countyCode()), p.industry(), p.enterprise(), p.content(), p.type(), p.deadlineText());
                        case 2 -> Arrays.asList(p.seq(), countyName(p.countyCode()), p.industry(), p.enterprise(), p.content(), p.deadlineText());
                        default -> Arrays.asList(p.seq(), countyName(p.countyCode()), p.content(), p.enterprise(), p.type(), p.park(), p.deadlineText());
                    });
                }
            }
        }
        w.sheet(PlanSheets.ANNEX5).header(PlanSheets.COLUMNS.get(PlanSheets.ANNEX5)).widths(6, 20, 24, 60, 16, 30, 14);
        for (PlanItems.Task t : tasks(year)) {
            w.row(Arrays.asList(t.seq(), t.measure(), t.name(), t.target(), String.join(" ", t.leadUnits()),
                    String.join(" ", t.partnerUnits()) + (t.partnerNote() == null ? "" : "（" + t.partnerNote() + "）"), t.deadlineText()));
        }
        w.sheet(PlanSheets.TARGETS).header(PlanSheets.COLUMNS.get(PlanSheets.TARGETS)).widths(6, 50, 10, 10, 8, 14, 20, 16);
        for (PlanItems.Target t : targets(year)) {
            w.row(Arrays.asList(t.seq(), t.what(), t.target(), t.unit(), t.comparison().label(), t.deadline().toString(), t.source().name(), t.leadUnit()));
        }
        audit.record("plan.exported", "plan", String.valueOf(plan.year()), null, null, Map.of());
        return w.bytes();
    }

    private String countyName(String code) {
        return divisions.find(code).map(Division::shortName).orElse(code);
    }

    private void requireCityOffice() {
        if (!actors.current().isCityOffice()) {
            throw new AccessDenied(actors.current().username() + " 无权导入方案（市大气办）");
        }
    }

    private static PlanItems.Task task(ResultSet rs) throws SQLException {
        return new PlanItems.Task(rs.getLong("id"), rs.getInt("year"), rs.getInt("seq"), rs.getString("measure"), rs.getString("name"),
                rs.getString("target"), List.of((String[]) rs.getArray("lead_units").getArray()), List.of((String[]) rs.getArray("partner_units").getArray()),
                rs.getString("partner_note"), localDate(rs, "deadline"), rs.getString("deadline_text"));
    }

    private static PlanItems.Project project(ResultSet rs) throws SQLException {
        return new PlanItems.Project(rs.getLong("id"), rs.getInt("year"), rs.getInt("annex"), rs.getInt("seq"), rs.getString("county_code"),
                rs.getString("industry"), rs.getString("enterprise"), rs.getString("credit_code"), rs.getString("content"), rs.getString("type"),
                rs.getInt("quantity"), rs.getString("park"), localDate(rs, "deadline"), rs.getString("deadline_text"));
    }

    private static PlanItems.Target target(ResultSet rs) throws SQLException {
        return new PlanItems.Target(rs.getLong("id"), rs.getInt("year"), rs.getInt("seq"), rs.getString("what"), rs.getBigDecimal("target"),
                rs.getString("unit"), PlanItems.Comparison.valueOf(rs.getString("comparison")), localDate(rs, "deadline"),
                TargetSource.valueOf(rs.getString("source")), rs.getString("lead_unit"));
    }

    private static java.time.LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
