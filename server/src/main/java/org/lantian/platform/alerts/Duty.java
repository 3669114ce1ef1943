package org.lantian.platform.alerts;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actor;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The 24-hour duty roster of each unit and its handover log. Citywide roles read every unit's; a county
 * reads its own and the city office's. Each unit keeps its own; the city office keeps any.
 */
@Service
public class Duty {

    public record Shift(String unit, String unitName, LocalDate day, String person, String phone, String leader, String leaderPhone,
                        Instant updatedAt, String updatedBy) {
    }

    public record Handover(long id, String unit, String unitName, Instant at, String fromPerson, String toPerson, String note,
                           String recordedBy) {
    }

    private final JdbcClient jdbc;
    private final Actors actors;
    private final AuditLog audit;
    private final DutyUnits units;
    private final Clock clock;

    Duty(JdbcClient jdbc, Actors actors, AuditLog audit, DutyUnits units, Clock clock) {
        this.jdbc = jdbc;
        this.actors = actors;
        this.audit = audit;
        this.units = units;
        this.clock = clock;
    }

    /** The shifts the actor may see from {@code from} to {@code to} (inclusive), by day then unit. */
    public List<Shift> roster(LocalDate from, LocalDate to) {
        Actor actor = readable();
        return jdbc.sql("SELECT * FROM alerts_duty WHERE day BETWEEN ? AND ? AND (? OR unit = ANY(?)) ORDER BY day, unit")
                .params(Date.valueOf(from), Date.valueOf(to), actor.scope().citywide(), visibleUnits(actor))
                .query((rs, n) -> new Shift(rs.getString("unit"), units.name(rs.getString("unit")), rs.getDate("day").toLocalDate(),
                        rs.getString("person"), rs.getString("phone"), rs.getString("leader"), rs.getString("leader_phone"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
                .list();
    }

    /** Who is on duty in a unit on a day, if the unit has set it. */
    java.util.Optional<Shift> on(String unit, LocalDate day) {
        return roster(day, day).stream().filter(s -> s.unit().equals(unit)).findFirst();
    }

    /** Sets who is on duty in a unit on a day (replacing what was set). */
    public Shift set(String unit, LocalDate day, String person, String phone, String leader, String leaderPhone, String reason) {
        Actor actor = keeper(unit);
        if (day == null || person == null || person.isBlank()) {
            throw new IllegalArgumentException("day、person：日期和值班人必填");
        }
        jdbc.sql("""
                        INSERT INTO alerts_duty (unit, day, person, phone, leader, leader_phone, updated_at, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (unit, day) DO UPDATE SET person = EXCLUDED.person, phone = EXCLUDED.phone, leader = EXCLUDED.leader,
                            leader_phone = EXCLUDED.leader_phone, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
                .params(unit, Date.valueOf(day), person.strip(), phone, leader, leaderPhone, Timestamp.from(clock.instant()), actor.username())
                .update();
        audit.record("alerts.duty.set", "duty", unit + "/" + day, units.isCounty(unit) ? unit : null, reason, Map.of("person", person.strip()));
        return roster(day, day).stream().filter(s -> s.unit().equals(unit)).findFirst().orElseThrow();
    }

    /** Records a handover between two people on duty. */
    public Handover handOver(String unit, String fromPerson, String toPerson, String note) {
        Actor actor = keeper(unit);
        if (fromPerson == null || fromPerson.isBlank() || toPerson == null || toPerson.isBlank()) {
            throw new IllegalArgumentException("fromPerson、toPerson：交班人和接班人必填");
        }
        long id = jdbc.sql("""
                        INSERT INTO alerts_handover (unit, at, from_person, to_person, note, recorded_by) VALUES (?, ?, ?, ?, ?, ?)
                        RETURNING id""")
                .params(unit, Timestamp.from(clock.instant()), fromPerson.strip(), toPerson.strip(), note == null ? "" : note.strip(),
                        actor.username())
                .query(Long.class).single();
        audit.record("alerts.duty.handover", "handover", String.valueOf(id), units.isCounty(unit) ? unit : null, note,
                Map.of("from", fromPerson.strip(), "to", toPerson.strip()));
        return handovers(1).stream().filter(h -> h.id() == id).findFirst().orElseThrow();
    }

    /** The latest handovers the actor may see. */
    public List<Handover> handovers(int limit) {
        Actor actor = readable();
        return jdbc.sql("SELECT * FROM alerts_handover WHERE (? OR unit = ANY(?)) ORDER BY at DESC, id DESC LIMIT ?")
                .params(actor.scope().citywide(), visibleUnits(actor), limit)
                .query((rs, n) -> new Handover(rs.getLong("id"), rs.getString("unit"), units.name(rs.getString("unit")),
                        rs.getTimestamp("at").toInstant(), rs.getString("from_person"), rs.getString("to_person"), rs.getString("note"),
                        rs.getString("recorded_by")))
                .list();
    }

    private Actor readable() {
        Actor actor = actors.current();
        if (actor.role() == org.lantian.platform.identity.Role.ENTERPRISE) {
            throw new AccessDenied(actor.username() + " 无权查看值班表");
        }
        return actor;
    }

    private Actor keeper(String unit) {
        Actor actor = actors.current();
        if (!DutyUnits.mayKeep(actor, unit)) {
            throw new AccessDenied(actor.username() + " 无权管理 " + unit + " 的值班");
        }
        return actor;
    }

    private static String[] visibleUnits(Actor actor) {
        String own = DutyUnits.of(actor);
        return own == null ? new String[] {DutyUnits.CITY_OFFICE} : new String[] {own, DutyUnits.CITY_OFFICE};
    }
}
