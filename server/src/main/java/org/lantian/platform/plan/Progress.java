package org.lantian.platform.plan;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lantian.platform.geo.Division;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actor;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.AuditLog;
import org.lantian.platform.monitoring.NotFound;
import org.lantian.standards.BeijingTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress on the plan: the units report on their tasks, projects and targets at any time; the city office
 * accepts or returns each report; each item's status is derived from its deadline and its latest accepted
 * report. A county reports on tasks (every county carries every task out) and on its own projects, and sees its
 * own reports only; a department reports on the tasks it leads or partners and the targets it leads.
 */
@Service
public class Progress {

    static final String CITY_OFFICE_UNIT = Divisions.CITY_CODE;
    static final String CITY_OFFICE_NAME = "市大气办";

    public enum Review {
        PENDING("待审核"), ACCEPTED("已采纳"), RETURNED("已退回");

        private final String label;

        Review(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A unit's report on an item and its review. */
    public record Report(long id, PlanItems.Kind kind, long itemId, String unit, String unitName, Integer percent, BigDecimal value, boolean done,
                         String text, String reportedBy, Instant reportedAt, Review review, String reviewedBy, Instant reviewedAt, String reviewNote,
                         List<Evidence> files) {
    }

    /** A file filed with a report. */
    public record Evidence(long id, String filename, String contentType, int size) {
    }

    static final int MAX_FILES = 5;

    /** What a unit reports. */
    public record NewReport(Integer percent, BigDecimal value, Boolean done, String text) {
    }

    /** An item's status with what it rests on. */
    public record State(ItemStatus status, Integer percent, BigDecimal value, Instant lastReportAt, int pending) {
    }

    private final JdbcClient jdbc;
    private final Plans plans;
    private final Divisions divisions;
    private final Actors actors;
    private final AuditLog audit;
    private final Clock clock;
    private final int riskDays;

    Progress(JdbcClient jdbc, Plans plans, Divisions divisions, Actors actors, AuditLog audit, Clock clock,
             @Value("${lantian.plan.risk-days:30}") int riskDays) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.divisions = divisions;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
        this.riskDays = riskDays;
    }

    /** The unit an actor reports for: a county's code, a department's name, the city office; others report nothing. */
    static String unitOf(Actor actor) {
        return switch (actor.role()) {
            case CITY_OFFICE -> CITY_OFFICE_UNIT;
            case COUNTY -> actor.countyCode();
            case DEPARTMENT -> actor.organisation();
            case ENTERPRISE, VIEWER -> null;
        };
    }

    String unitName(String unit) {
        if (CITY_OFFICE_UNIT.equals(unit)) {
            return CITY_OFFICE_NAME;
        }
        return divisions.find(unit).map(Division::shortName).orElse(unit);
    }

    @Transactional
    public Report report(PlanItems.Kind kind, long itemId, NewReport r) {
        return report(kind, itemId, r, List.of());
    }

    /** A report with its evidence (photos, scans: JPEG, PNG, WebP or PDF, each ≤ 10 MB, at most 5), taken together or not at all. */
    @Transactional
    public Report report(PlanItems.Kind kind, long itemId, NewReport r, List<org.lantian.platform.files.Upload> evidence) {
        if (evidence.size() > MAX_FILES) {
            throw new IllegalArgumentException("files：每次报送最多 " + MAX_FILES + " 个附件");
        }
        List<Object[]> files = new java.util.ArrayList<>();
        for (var f : evidence) {
            String name = org.lantian.platform.files.EvidenceFiles.cleanName(f.filename());
            if (f.bytes().length > org.lantian.platform.files.EvidenceFiles.MAX_BYTES) {
                throw new IllegalArgumentException("files：“" + name + "”超过 10 MB");
            }
            String type = org.lantian.platform.files.EvidenceFiles.typeOf(f.bytes())
                    .orElseThrow(() -> new IllegalArgumentException("files：“" + name + "”不是照片（JPEG、PNG、WebP）或 PDF"));
            files.add(new Object[] {name, type, f.bytes()});
        }
        Report stored = reportOnly(kind, itemId, r);
        for (Object[] f : files) {
            jdbc.sql("INSERT INTO plan_report_file (report_id, filename, content_type, size, bytes) VALUES (?, ?, ?, ?, ?)")
                    .params(stored.id(), f[0], f[1], ((byte[]) f[2]).length, f[2]).update();
        }
        return find(stored.id());
    }

    /** A file of a report the actor may read: its name, type and bytes. */
    public org.lantian.platform.files.Upload file(long reportId, long fileId) {
        find(reportId);
        return jdbc.sql("SELECT filename, content_type, bytes FROM plan_report_file WHERE id = ? AND report_id = ?").params(fileId, reportId)
                .query((rs, n) -> new org.lantian.platform.files.Upload(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional()
                .orElseThrow(() -> new NotFound("附件 " + fileId));
    }

    private Report reportOnly(PlanItems.Kind kind, long itemId, NewReport r) {
        Actor actor = actors.current();
        String unit = unitOf(actor);
        if (unit == null || unit.isBlank()) {
            throw new AccessDenied(actor.username() + " 不代表任何责任单位，不能报送进展");
        }
        if (kind == null) {
            throw new IllegalArgumentException("kind：应为 TASK、PROJECT 或 TARGET");
        }
        requireResponsible(actor, unit, kind, itemId);
        boolean done = Boolean.TRUE.equals(r.done());
        if (r.text() == null || r.text().isBlank() || r.text().length() > 4000) {
            throw new IllegalArgumentException("text：请填写进展情况（不超过 4000 字）");
        }
        Integer percent = r.percent();
        if (kind == PlanItems.Kind.TARGET) {
            if (r.value() == null || r.value().abs().compareTo(BigDecimal.valueOf(1_000_000_000)) >= 0) {
                throw new IllegalArgumentException("value：请填写目前达到的数值");
            }
        } else {
            if (percent == null || percent < 0 || percent > 100) {
                throw new IllegalArgumentException("percent：完成进度应为 0–100");
            }
            if (done && percent != 100) {
                throw new IllegalArgumentException("percent：报完成时进度应为 100");
            }
        }
        long id = jdbc.sql("""
                        INSERT INTO plan_report (item_kind, item_id, unit, percent, value, done, text, reported_by, reported_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(kind.name(), itemId, unit, percent, r.value(), done, r.text().strip(), actor.username(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record("plan.reported", kind.name().toLowerCase(java.util.Locale.ROOT), String.valueOf(itemId),
                actor.countyCode(), null, Map.of("unit", unit, "done", String.valueOf(done)));
        return jdbc.sql("SELECT * FROM plan_report WHERE id = ?").param(id).query((rs, n) -> map(rs)).single();
    }

    /** Accepts or returns a pending report: city office; a return says why. */
    @Transactional
    public Report review(long id, boolean accept, String note) {
        Actor actor = actors.current();
        if (!actor.isCityOffice()) {
            throw new AccessDenied(actor.username() + " 无权审核进展（市大气办）");
        }
        Report r = find(id);
        if (r.review() != Review.PENDING) {
            throw new IllegalStateException("报送 #" + id + " 已" + r.review().label());
        }
        if (!accept && (note == null || note.isBlank())) {
            throw new IllegalArgumentException("note：退回时请说明原因");
        }
        if (note != null && note.length() > 2000) {
            throw new IllegalArgumentException("note：不超过 2000 字");
        }
        jdbc.sql("UPDATE plan_report SET review = ?, reviewed_by = ?, reviewed_at = ?, review_note = ? WHERE id = ?")
                .params((accept ? Review.ACCEPTED : Review.RETURNED).name(), actor.username(), Timestamp.from(clock.instant()),
                        note == null || note.isBlank() ? null : note.strip(), id).update();
        audit.record("plan.report." + (accept ? "accepted" : "returned"), "plan-report", String.valueOf(id), null, note, Map.of());
        return find(id);
    }

    /** The reports on an item the actor may read (a county its own), newest first. */
    public List<Report> reports(PlanItems.Kind kind, long itemId) {
        Actor actor = actors.current();
        item(kind, itemId);
        boolean all = actor.scope().citywide();
        return jdbc.sql("SELECT * FROM plan_report WHERE item_kind = ? AND item_id = ? AND (? OR unit = ?) ORDER BY reported_at DESC, id DESC LIMIT 200")
                .params(kind.name(), itemId, all, String.valueOf(unitOf(actor)))
                .query((rs, n) -> map(rs)).list();
    }

    /** The reports waiting for the city office, oldest first. */
    public List<Report> pending() {
        if (!actors.current().isCityOffice()) {
            throw new AccessDenied(actors.current().username() + " 无权审核进展（市大气办）");
        }
        return jdbc.sql("SELECT * FROM plan_report WHERE review = 'PENDING' ORDER BY reported_at LIMIT 500").query((rs, n) -> map(rs)).list();
    }

    public Report find(long id) {
        Actor actor = actors.current();
        Report r = jdbc.sql("SELECT * FROM plan_report WHERE id = ?").param(id).query((rs, n) -> map(rs)).optional()
                .orElseThrow(() -> new NotFound("进展报送 " + id));
        if (!actor.scope().citywide() && !r.unit().equals(unitOf(actor))) {
            throw new NotFound("进展报送 " + id);
        }
        return r;
    }

    /** Each item's state of a year, by kind and id, on {@code today}. */
    public Map<String, State> states(int year, LocalDate today) {
        Map<String, Object[]> latest = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (r.item_kind, r.item_id) r.item_kind, r.item_id, r.percent, r.value, r.done, r.reported_at
                          FROM plan_report r WHERE r.review = 'ACCEPTED' AND r.item_id IN (
                                SELECT id FROM plan_task WHERE year = ? UNION ALL SELECT id FROM plan_project WHERE year = ?
                                UNION ALL SELECT id FROM plan_target WHERE year = ?)
                         ORDER BY r.item_kind, r.item_id, r.reported_at DESC, r.id DESC""")
                .params(year, year, year)
                .query(rs -> {
                    latest.put(rs.getString(1) + ":" + rs.getLong(2), new Object[] {(Integer) rs.getObject(3), rs.getBigDecimal(4), rs.getBoolean(5),
                            rs.getTimestamp(6).toInstant()});
                });
        Map<String, Integer> pending = new HashMap<>();
        jdbc.sql("SELECT item_kind, item_id, count(*) FROM plan_report WHERE review = 'PENDING' GROUP BY item_kind, item_id")
                .query(rs -> {
                    pending.put(rs.getString(1) + ":" + rs.getLong(2), rs.getInt(3));
                });
        LocalDate start = LocalDate.of(year, 1, 1);
        Map<String, State> states = new HashMap<>();
        plans.tasks(year).forEach(t -> states.put(key(PlanItems.Kind.TASK, t.id()), state(PlanItems.Kind.TASK, t.id(), t.deadline(), start, today, latest, pending)));
        plans.projects(year).forEach(p -> states.put(key(PlanItems.Kind.PROJECT, p.id()),
                state(PlanItems.Kind.PROJECT, p.id(), p.deadline(), start, today, latest, pending)));
        plans.targets(year).forEach(t -> states.put(key(PlanItems.Kind.TARGET, t.id()),
                state(PlanItems.Kind.TARGET, t.id(), t.deadline(), start, today, latest, pending)));
        return states;
    }

    /** The value of a target's accepted report before its latest one; null when there is none. */
    BigDecimal previousAcceptedValue(long targetId) {
        return jdbc.sql("""
                        SELECT value FROM plan_report WHERE item_kind = 'TARGET' AND item_id = ? AND review = 'ACCEPTED'
                         ORDER BY reported_at DESC, id DESC OFFSET 1 LIMIT 1""").param(targetId).query(BigDecimal.class).optional().orElse(null);
    }

    static String key(PlanItems.Kind kind, long id) {
        return kind.name() + ":" + id;
    }

    private State state(PlanItems.Kind kind, long id, LocalDate deadline, LocalDate start, LocalDate today, Map<String, Object[]> latest,
                        Map<String, Integer> pending) {
        Object[] l = latest.get(key(kind, id));
        Integer percent = l == null ? null : (Integer) l[0];
        boolean done = l != null && (Boolean) l[2];
        return new State(ItemStatus.of(today, start, deadline, percent, done, riskDays), percent, l == null ? null : (BigDecimal) l[1],
                l == null ? null : (Instant) l[3], pending.getOrDefault(key(kind, id), 0));
    }

    /** Today in Beijing. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(BeijingTime.ZONE));
    }

    private void requireResponsible(Actor actor, String unit, PlanItems.Kind kind, long itemId) {
        Object item = item(kind, itemId);
        if (actor.isCityOffice()) {
            return;
        }
        boolean may = switch (kind) {
            case TASK -> {
                PlanItems.Task t = (PlanItems.Task) item;
                yield actor.role() == org.lantian.platform.identity.Role.COUNTY || t.leadUnits().contains(unit) || t.partnerUnits().contains(unit);
            }
            case PROJECT -> actor.role() == org.lantian.platform.identity.Role.COUNTY;   // Plans.project has checked it is the county's
            case TARGET -> {
                PlanItems.Target t = (PlanItems.Target) item;
                if (t.source() != TargetSource.REPORTED) {
                    throw new IllegalStateException("“" + t.what() + "”由平台" + t.source().label() + "实时计算，无需报送");
                }
                yield t.leadUnit().equals(unit);
            }
        };
        if (!may) {
            throw new AccessDenied(unitName(unit) + " 不是该事项的责任单位");
        }
    }

    private List<Evidence> evidence(long reportId) {
        return jdbc.sql("SELECT id, filename, content_type, size FROM plan_report_file WHERE report_id = ? ORDER BY id").param(reportId)
                .query((rs, n) -> new Evidence(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
    }

    private Object item(PlanItems.Kind kind, long itemId) {
        return switch (kind) {
            case TASK -> plans.task(itemId);
            case PROJECT -> plans.project(itemId);
            case TARGET -> plans.target(itemId);
        };
    }

    private Report map(ResultSet rs) throws SQLException {
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        return new Report(rs.getLong("id"), PlanItems.Kind.valueOf(rs.getString("item_kind")), rs.getLong("item_id"), rs.getString("unit"),
                unitName(rs.getString("unit")), (Integer) rs.getObject("percent"), rs.getBigDecimal("value"), rs.getBoolean("done"), rs.getString("text"),
                rs.getString("reported_by"), rs.getTimestamp("reported_at").toInstant(), Review.valueOf(rs.getString("review")),
                rs.getString("reviewed_by"), reviewed == null ? null : reviewed.toInstant(), rs.getString("review_note"), evidence(rs.getLong("id")));
    }
}
