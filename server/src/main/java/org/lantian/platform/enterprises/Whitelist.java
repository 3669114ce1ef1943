package org.lantian.platform.enterprises;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actor;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.AuditLog;
import org.lantian.platform.identity.Role;
import org.lantian.platform.monitoring.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervision whitelist (监管白名单): a county (for its own enterprises), a city department or the city
 * office proposes; the city office includes or rejects; included enterprises are re-checked periodically
 * (监督复核), a failed re-check removes them; the city office may remove one with a reason at any time. A
 * re-check falling due is published ({@link RecheckDue}) and reaches the county's inbox as a ticket.
 */
@Service
public class Whitelist {

    private final org.lantian.platform.cluster.ClusterJobs jobs;

    /** How often an included enterprise is re-checked unless the office says otherwise. */
    public static final int DEFAULT_RECHECK_DAYS = 180;

    public enum State {
        PROPOSED("待审核"), INCLUDED("已纳入"), REJECTED("未纳入"), REMOVED("已移出");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Entry(long id, String creditCode, String enterpriseName, String countyCode, State state, String proposedBy,
                        java.time.Instant proposedAt, String proposalReason, String decidedBy, String decisionReason,
                        LocalDate includedOn, Integer recheckEveryDays, LocalDate nextRecheckDue, LocalDate removedOn,
                        String removalReason) {

        public boolean overdueOn(LocalDate day) {
            return state == State.INCLUDED && nextRecheckDue != null && !nextRecheckDue.isAfter(day);
        }
    }

    /** A re-check falls due: the enterprise's county must re-check it. */
    public record RecheckDue(long entryId, String creditCode, String enterpriseName, String countyCode, LocalDate due) {
    }

    private static final String SELECT = """
            SELECT w.*, e.name AS enterprise_name, e.county_code FROM enterprise_whitelist w
              JOIN enterprise e ON e.credit_code = w.credit_code""";

    private final JdbcClient jdbc;
    private final Enterprises enterprises;
    private final Actors actors;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Whitelist(JdbcClient jdbc, Enterprises enterprises, Actors actors, AuditLog audit, ApplicationEventPublisher events, Clock clock, org.lantian.platform.cluster.ClusterJobs jobs) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.actors = actors;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Proposes an enterprise: a county for its own, a department, or the city office. */
    @Transactional
    public Entry propose(String creditCode, String reason) {
        Enterprise e = enterprises.find(creditCode);
        Actor actor = actors.current();
        boolean may = actor.isCityOffice() || actor.role() == Role.DEPARTMENT || (actor.role() == Role.COUNTY && actor.scope().covers(e.countyCode()));
        if (!may) {
            throw new AccessDenied(actor.username() + " 无权推荐白名单企业");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason：请填写推荐理由");
        }
        try {
            long id = jdbc.sql("""
                            INSERT INTO enterprise_whitelist (credit_code, state, proposed_by, proposed_at, proposal_reason)
                            VALUES (?, 'PROPOSED', ?, ?, ?) RETURNING id""")
                    .params(e.creditCode(), actor.username(), Timestamp.from(clock.instant()), reason.strip())
                    .query(Long.class).single();
            audit.record("enterprises.whitelist.proposed", "enterprise", e.creditCode(), e.countyCode(), reason, Map.of("entry", String.valueOf(id)));
            return find(id);
        } catch (DuplicateKeyException already) {
            throw new IllegalStateException(e.name() + " 已在白名单中或正待审核");
        }
    }

    /** Includes a proposed enterprise (re-checked every {@code recheckEveryDays}) or rejects it: city office. */
    @Transactional
    public Entry decide(long id, boolean include, String reason, Integer recheckEveryDays) {
        requireCityOffice("审核白名单");
        Entry entry = find(id);
        if (entry.state() != State.PROPOSED) {
            throw new IllegalStateException("白名单记录 " + id + " 已" + entry.state().label() + "，不能再审核");
        }
        if (!include && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("reason：不予纳入时请填写原因");
        }
        LocalDate today = LocalDate.now(clock);
        int every = recheckEveryDays == null ? DEFAULT_RECHECK_DAYS : recheckEveryDays;
        if (every < 1 || every > 1096) {
            throw new IllegalArgumentException("recheckEveryDays：复核周期应为 1–1096 天");
        }
        jdbc.sql("""
                        UPDATE enterprise_whitelist SET state = ?, decided_by = ?, decided_at = ?, decision_reason = ?,
                               included_on = ?, recheck_every_days = ?, next_recheck_due = ? WHERE id = ?""")
                .params(include ? "INCLUDED" : "REJECTED", actors.current().username(), Timestamp.from(clock.instant()), reason,
                        include ? Date.valueOf(today) : null, include ? every : null, include ? Date.valueOf(today.plusDays(every)) : null, id)
                .update();
        audit.record(include ? "enterprises.whitelist.included" : "enterprises.whitelist.rejected", "enterprise", entry.creditCode(),
                entry.countyCode(), reason, Map.of("entry", String.valueOf(id)));
        return find(id);
    }

    /**
     * Records an enterprise the office included before the platform kept the whitelist (its workbook): city
     * office; proposed and included on {@code includedOn}, next re-checked on {@code nextDue} or a period later.
     */
    @Transactional
    public Entry includeExisting(String creditCode, LocalDate includedOn, Integer recheckEveryDays, LocalDate nextDue, String reason) {
        requireCityOffice("导入白名单");
        Enterprise e = enterprises.find(creditCode);
        if (includedOn == null || includedOn.isAfter(LocalDate.now(clock))) {
            throw new IllegalArgumentException("includedOn：请填写不晚于今天的纳入日期");
        }
        int every = recheckEveryDays == null ? DEFAULT_RECHECK_DAYS : recheckEveryDays;
        if (every < 1 || every > 1096) {
            throw new IllegalArgumentException("recheckEveryDays：复核周期应为 1–1096 天");
        }
        String why = reason == null || reason.isBlank() ? "导入已有白名单" : reason.strip();
        Timestamp at = Timestamp.from(includedOn.atStartOfDay(org.lantian.standards.BeijingTime.ZONE).toInstant());
        try {
            long id = jdbc.sql("""
                            INSERT INTO enterprise_whitelist (credit_code, state, proposed_by, proposed_at, proposal_reason, decided_by, decided_at,
                                                              decision_reason, included_on, recheck_every_days, next_recheck_due)
                            VALUES (?, 'INCLUDED', ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(e.creditCode(), actors.current().username(), at, why, actors.current().username(), Timestamp.from(clock.instant()), why,
                            Date.valueOf(includedOn), every, Date.valueOf(nextDue == null ? includedOn.plusDays(every) : nextDue))
                    .query(Long.class).single();
            audit.record("enterprises.whitelist.included", "enterprise", e.creditCode(), e.countyCode(), why,
                    Map.of("entry", String.valueOf(id), "includedOn", includedOn.toString()));
            return find(id);
        } catch (DuplicateKeyException already) {
            throw new IllegalStateException(e.name() + " 已在白名单中或正待审核");
        }
    }

    /** Records a re-check: passed, the next falls due a period later; failed, the enterprise leaves the whitelist. */
    @Transactional
    public Entry recheck(long id, boolean passed, String note, LocalDate checkedOn) {
        Entry entry = find(id);
        enterprises.requireWriter(entry.countyCode());
        if (entry.state() != State.INCLUDED) {
            throw new IllegalStateException("白名单记录 " + id + " " + entry.state().label() + "，无需复核");
        }
        LocalDate on = checkedOn == null ? LocalDate.now(clock) : checkedOn;
        if (!passed && (note == null || note.isBlank())) {
            throw new IllegalArgumentException("note：复核未通过时请写明问题");
        }
        jdbc.sql("INSERT INTO enterprise_whitelist_check (whitelist_id, checked_on, passed, note, checked_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, Date.valueOf(on), passed, note, actors.current().username(), Timestamp.from(clock.instant())).update();
        if (passed) {
            jdbc.sql("UPDATE enterprise_whitelist SET next_recheck_due = ?, reminded_for = NULL WHERE id = ?")
                    .params(Date.valueOf(on.plusDays(entry.recheckEveryDays())), id).update();
        } else {
            jdbc.sql("UPDATE enterprise_whitelist SET state = 'REMOVED', removed_on = ?, removal_reason = ? WHERE id = ?")
                    .params(Date.valueOf(on), "监督复核未通过：" + note.strip(), id).update();
        }
        audit.record(passed ? "enterprises.whitelist.rechecked" : "enterprises.whitelist.removed", "enterprise", entry.creditCode(),
                entry.countyCode(), note, Map.of("entry", String.valueOf(id), "passed", String.valueOf(passed)));
        return find(id);
    }

    /** Removes an included enterprise with a reason: city office. */
    @Transactional
    public Entry remove(long id, String reason) {
        requireCityOffice("移出白名单企业");
        Entry entry = find(id);
        if (entry.state() != State.INCLUDED) {
            throw new IllegalStateException("白名单记录 " + id + " " + entry.state().label() + "，不能移出");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason：请填写移出原因");
        }
        jdbc.sql("UPDATE enterprise_whitelist SET state = 'REMOVED', removed_on = ?, removal_reason = ? WHERE id = ?")
                .params(Date.valueOf(LocalDate.now(clock)), reason.strip(), id).update();
        audit.record("enterprises.whitelist.removed", "enterprise", entry.creditCode(), entry.countyCode(), reason, Map.of("entry", String.valueOf(id)));
        return find(id);
    }

    /** A whitelist record, if the actor may see its enterprise. */
    public Entry find(long id) {
        Entry entry = jdbc.sql(SELECT + " WHERE w.id = ?").param(id).query(Whitelist::map).optional()
                .orElseThrow(() -> new NotFound("白名单记录 " + id));
        enterprises.find(entry.creditCode());   // the same scope as the enterprise
        return entry;
    }

    /** The records the actor may see, in a state (all when null), newest first. */
    public List<Entry> list(State state) {
        return query(state, null);
    }

    /** Every record of one enterprise the actor may see, newest first. */
    public List<Entry> of(String creditCode) {
        return query(null, enterprises.find(creditCode).creditCode());
    }

    /** Records in the actor's scope (an enterprise: its own), by state and enterprise when given. */
    private List<Entry> query(State state, String creditCode) {
        Actor actor = actors.current();
        boolean enterprise = actor.role() == Role.ENTERPRISE;
        return jdbc.sql(SELECT + " WHERE (?::text IS NULL OR w.state = ?) AND (?::text IS NULL OR w.credit_code = ?)"
                        + " AND (? OR e.county_code = ANY(?)) AND (NOT ? OR w.credit_code = ?)"
                        + " ORDER BY w.proposed_at DESC, w.id DESC LIMIT 2000")
                .params(state == null ? null : state.name(), state == null ? null : state.name(), creditCode, creditCode,
                        actor.scope().citywide(), actor.scope().countyArray(), enterprise, java.util.Objects.requireNonNullElse(actor.enterpriseCode(), ""))
                .query(Whitelist::map).list();
    }

    /** How many enterprises are on the whitelist now, against the year's target (null when the year has none). */
    public record Progress(int year, int included, Integer target, int overdueRechecks) {
    }

    public Progress progress(int year) {
        LocalDate today = LocalDate.now(clock);
        List<Entry> included = list(State.INCLUDED);
        Integer target = jdbc.sql("SELECT value FROM enterprise_target WHERE year = ? AND kind = 'WHITELIST'").param(year)
                .query(Integer.class).optional().orElse(null);
        return new Progress(year, included.size(), target, (int) included.stream().filter(e -> e.overdueOn(today)).count());
    }

    /** Publishes each re-check that has fallen due since the last look, once per due date. */
    @Scheduled(fixedDelayString = "${lantian.enterprises.recheck-interval:1h}", initialDelayString = "${lantian.enterprises.recheck-interval:1h}")
    @Transactional
    public void remindDue() {
        jobs.once("enterprises.recheck", () -> {
            actors.asSystem(() -> {
                List<Entry> due = jdbc.sql(SELECT + " WHERE w.state = 'INCLUDED' AND w.next_recheck_due <= ?"
                                + " AND (w.reminded_for IS NULL OR w.reminded_for <> w.next_recheck_due)")
                        .param(Date.valueOf(LocalDate.now(clock))).query(Whitelist::map).list();
                for (Entry e : due) {
                    jdbc.sql("UPDATE enterprise_whitelist SET reminded_for = next_recheck_due WHERE id = ?").param(e.id()).update();
                    events.publishEvent(new RecheckDue(e.id(), e.creditCode(), e.enterpriseName(), e.countyCode(), e.nextRecheckDue()));
                }
            });
        });
    }

    private void requireCityOffice(String what) {
        if (!actors.current().isCityOffice()) {
            throw new AccessDenied(actors.current().username() + " 无权" + what);
        }
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static Entry map(ResultSet rs, int row) throws SQLException {
        Timestamp proposed = rs.getTimestamp("proposed_at");
        return new Entry(rs.getLong("id"), rs.getString("credit_code"), rs.getString("enterprise_name"), rs.getString("county_code"),
                State.valueOf(rs.getString("state")), rs.getString("proposed_by"), proposed.toInstant(), rs.getString("proposal_reason"),
                rs.getString("decided_by"), rs.getString("decision_reason"), date(rs, "included_on"),
                (Integer) rs.getObject("recheck_every_days"), date(rs, "next_recheck_due"), date(rs, "removed_on"), rs.getString("removal_reason"));
    }
}
