package org.lantian.platform.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actor;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.AuditLog;
import org.lantian.platform.monitoring.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city office's instructions (快速指令) to any set of units, e.g. at the start of a heavy-pollution
 * episode: each unit's receipt (read when one of its users opens it) and reply, against a deadline.
 */
@Service
public class Instructions {

    /** An instruction was issued to {@code units}; browsers of those units are told at once. */
    public record InstructionIssued(long id, String title, Set<String> units, Instant at) {
    }

    public record Instruction(long id, String title, String body, Instant issuedAt, String issuedBy, Instant dueAt, int units, int read,
                              int replied) {
    }

    public record Receipt(String unit, String unitName, Instant readAt, String readBy, String reply, Instant repliedAt, String repliedBy) {

        public boolean repliedLate(Instant dueAt) {
            return dueAt != null && (repliedAt == null || repliedAt.isAfter(dueAt));
        }
    }

    private final JdbcClient jdbc;
    private final Actors actors;
    private final AuditLog audit;
    private final DutyUnits units;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Instructions(JdbcClient jdbc, Actors actors, AuditLog audit, DutyUnits units, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.actors = actors;
        this.audit = audit;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    /** Issues an instruction (city office) to the listed units: county codes, department names. */
    @Transactional
    public Instruction issue(String title, String body, List<String> targets, Instant dueAt, String reason) {
        Actor actor = actors.current();
        if (!actor.isCityOffice()) {
            throw new AccessDenied(actor.username() + " 无权下达指令");
        }
        if (title == null || title.isBlank() || body == null || body.isBlank()) {
            throw new IllegalArgumentException("title、body：标题和内容必填");
        }
        Set<String> to = new LinkedHashSet<>();
        (targets == null ? List.<String>of() : targets).stream().filter(u -> u != null && !u.isBlank()).map(String::strip).forEach(to::add);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("units：至少选择一个单位");
        }
        Instant now = clock.instant();
        if (dueAt != null && !dueAt.isAfter(now)) {
            throw new IllegalArgumentException("dueAt：办结时限 " + dueAt + " 已过");
        }
        long id = jdbc.sql("INSERT INTO alerts_instruction (title, body, issued_at, issued_by, due_at) VALUES (?, ?, ?, ?, ?) RETURNING id")
                .params(title.strip(), body.strip(), Timestamp.from(now), actor.username(), dueAt == null ? null : Timestamp.from(dueAt))
                .query(Long.class).single();
        to.forEach(unit -> jdbc.sql("INSERT INTO alerts_instruction_target (instruction_id, unit) VALUES (?, ?)").params(id, unit).update());
        audit.record("alerts.instruction.issued", "instruction", String.valueOf(id), null, reason, Map.of("units", List.copyOf(to)));
        events.publishEvent(new InstructionIssued(id, title.strip(), Set.copyOf(to), now));
        return get(id);
    }

    /** The instructions the actor may see: every one for citywide roles, those sent to the own unit otherwise. Newest first. */
    public List<Instruction> list() {
        Actor actor = readable();
        return jdbc.sql("""
                        SELECT i.*, count(t.unit) AS units, count(t.read_at) AS read, count(t.replied_at) AS replied
                          FROM alerts_instruction i JOIN alerts_instruction_target t ON t.instruction_id = i.id
                         WHERE ? OR EXISTS (SELECT 1 FROM alerts_instruction_target m WHERE m.instruction_id = i.id AND m.unit = ?)
                         GROUP BY i.id ORDER BY i.issued_at DESC, i.id DESC LIMIT 200""")
                .params(actor.scope().citywide(), String.valueOf(DutyUnits.of(actor)))
                .query(Instructions::map)
                .list();
    }

    /**
     * One instruction, as its target units and citywide users may read it. Reading records nothing: a
     * receipt is an explicit act ({@link #acknowledge}), not a side effect of a page or a prefetch.
     *
     * @throws NotFound when the actor's unit is not among its targets (and the actor is not citywide)
     */
    public Instruction open(long id) {
        Actor actor = readable();
        if (!actor.scope().citywide() && !isTarget(id, DutyUnits.of(actor))) {
            throw new NotFound("指令 " + id);
        }
        return get(id);
    }

    /** How many instructions to the actor's own unit it has not yet confirmed as read. */
    public int unreadByOwnUnit() {
        String unit = DutyUnits.of(readable());
        return unit == null ? 0 : jdbc.sql("SELECT count(*) FROM alerts_instruction_target WHERE unit = ? AND read_at IS NULL")
                .param(unit).query(Integer.class).single();
    }

    /** 确认已阅: a target unit confirms it has read the instruction (once; later confirmations change nothing). */
    @Transactional
    public Instruction acknowledge(long id) {
        Actor actor = readable();
        String unit = DutyUnits.of(actor);
        if (!isTarget(id, unit)) {
            throw actor.scope().citywide() ? new IllegalArgumentException("instruction " + id + ": 本单位不是接收单位")
                    : new NotFound("指令 " + id);
        }
        jdbc.sql("UPDATE alerts_instruction_target SET read_at = ?, read_by = ? WHERE instruction_id = ? AND unit = ? AND read_at IS NULL")
                .params(Timestamp.from(clock.instant()), actor.username(), id, unit).update();
        return get(id);
    }

    /** Each target unit's receipt and reply. */
    public List<Receipt> receipts(long id) {
        Actor actor = readable();
        if (!actor.scope().citywide() && !isTarget(id, DutyUnits.of(actor))) {
            throw new NotFound("指令 " + id);
        }
        return jdbc.sql("SELECT * FROM alerts_instruction_target WHERE instruction_id = ? AND (? OR unit = ?) ORDER BY unit")
                .params(id, actor.scope().citywide(), String.valueOf(DutyUnits.of(actor)))
                .query((rs, n) -> new Receipt(rs.getString("unit"), units.name(rs.getString("unit")),
                        rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant(), rs.getString("read_by"),
                        rs.getString("reply"), rs.getTimestamp("replied_at") == null ? null : rs.getTimestamp("replied_at").toInstant(),
                        rs.getString("replied_by")))
                .list();
    }

    /** A target unit replies (and has thereby read it); a later reply replaces the earlier. */
    @Transactional
    public Receipt reply(long id, String reply) {
        Actor actor = readable();
        String unit = DutyUnits.of(actor);
        if (!isTarget(id, unit)) {
            throw new NotFound("指令 " + id);
        }
        if (reply == null || reply.isBlank()) {
            throw new IllegalArgumentException("reply：回复内容为空");
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        UPDATE alerts_instruction_target SET reply = ?, replied_at = ?, replied_by = ?,
                               read_at = COALESCE(read_at, ?), read_by = COALESCE(read_by, ?)
                         WHERE instruction_id = ? AND unit = ?""")
                .params(reply.strip(), now, actor.username(), now, actor.username(), id, unit).update();
        audit.record("alerts.instruction.replied", "instruction", String.valueOf(id), units.isCounty(unit) ? unit : null, reply.strip(),
                Map.of("unit", unit));
        return receipts(id).stream().filter(r -> r.unit().equals(unit)).findFirst().orElseThrow();
    }

    private Instruction get(long id) {
        return jdbc.sql("""
                        SELECT i.*, (SELECT count(*) FROM alerts_instruction_target t WHERE t.instruction_id = i.id) AS units,
                               (SELECT count(read_at) FROM alerts_instruction_target t WHERE t.instruction_id = i.id) AS read,
                               (SELECT count(replied_at) FROM alerts_instruction_target t WHERE t.instruction_id = i.id) AS replied
                          FROM alerts_instruction i WHERE i.id = ?""")
                .param(id)
                .query(Instructions::map)
                .optional().orElseThrow(() -> new NotFound("指令 " + id));
    }

    private static Instruction map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp due = rs.getTimestamp("due_at");
        return new Instruction(rs.getLong("id"), rs.getString("title"), rs.getString("body"), rs.getTimestamp("issued_at").toInstant(),
                rs.getString("issued_by"), due == null ? null : due.toInstant(), rs.getInt("units"), rs.getInt("read"), rs.getInt("replied"));
    }

    private boolean isTarget(long id, String unit) {
        return unit != null && jdbc.sql("SELECT EXISTS (SELECT 1 FROM alerts_instruction_target WHERE instruction_id = ? AND unit = ?)")
                .params(id, unit).query(Boolean.class).single();
    }

    private Actor readable() {
        Actor actor = actors.current();
        if (actor.role() == org.lantian.platform.identity.Role.ENTERPRISE) {
            throw new AccessDenied(actor.username() + " 无权查看指令");
        }
        return actor;
    }
}
