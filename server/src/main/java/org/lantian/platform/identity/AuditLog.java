package org.lantian.platform.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who changed what, when and why. Every module records its writes here, in the same transaction as
 * the write itself, so an entry exists exactly when the change does.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Actors actors;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditLog(JdbcClient jdbc, Actors actors, Clock clock) {
        this.jdbc = jdbc;
        this.actors = actors;
        this.clock = clock;
    }

    /** One audited change, as read back. */
    public record AuditEntry(long id, Instant at, String actor, String action, String targetType,
                             String targetId, String countyCode, String reason, String details) {
    }

    /**
     * Records a change made by the current actor.
     *
     * @param action     what happened, {@code module.thing.verb}, e.g. {@code monitoring.station.created}
     * @param countyCode the county whose data changed (null for citywide data), which decides who may read the entry
     * @param reason     the reason the actor gave, if any
     */
    public void record(String action, String targetType, String targetId, String countyCode, String reason,
                       Map<String, ?> details) {
        recordAs(actors.current(), action, targetType, targetId, countyCode, reason, details);
    }

    void recordAs(Actor actor, String action, String targetType, String targetId, String countyCode,
                  String reason, Map<String, ?> details) {
        jdbc.sql("""
                        INSERT INTO identity_audit_entry (at, actor, action, target_type, target_id, county_code, reason, details)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(clock.instant()), actor.username(), action, targetType, targetId, countyCode,
                        reason, details.isEmpty() ? null : json.writeValueAsString(details))
                .update();
    }

    /** The newest entries the current actor may see: all for citywide roles, the own county's otherwise. */
    /** Which entries to list: every field optional; {@code from}/{@code to} bound the time, to exclusive. */
    public record Filter(String actor, String action, String countyCode, Instant from, Instant to) {
    }

    /** A page of entries the actor may read, newest first, with how many match in all. */
    public record Page(List<AuditEntry> entries, long total, int offset, int limit) {
    }

    public Page search(Filter f, int offset, int limit) {
        Scope scope = actors.current().scope();
        StringBuilder where = new StringBuilder("WHERE (? OR county_code = ANY(?))");
        List<Object> params = new java.util.ArrayList<>(List.of(scope.citywide(), scope.countyArray()));
        if (f.actor() != null && !f.actor().isBlank()) {
            where.append(" AND actor = ?");
            params.add(f.actor().strip());
        }
        if (f.action() != null && !f.action().isBlank()) {
            where.append(" AND action = ?");
            params.add(f.action().strip());
        }
        if (f.countyCode() != null && !f.countyCode().isBlank()) {
            where.append(f.countyCode().equals("city") ? " AND county_code IS NULL" : " AND county_code = ?");
            if (!f.countyCode().equals("city")) {
                params.add(f.countyCode());
            }
        }
        if (f.from() != null) {
            where.append(" AND at >= ?");
            params.add(java.sql.Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            where.append(" AND at < ?");
            params.add(java.sql.Timestamp.from(f.to()));
        }
        long total = jdbc.sql("SELECT count(*) FROM identity_audit_entry " + where).params(params).query(Long.class).single();
        int size = Math.min(Math.max(limit, 1), 200);
        int from = Math.max(offset, 0);
        List<Object> pageParams = new java.util.ArrayList<>(params);
        pageParams.add(from);
        pageParams.add(size);
        List<AuditEntry> entries = jdbc.sql("""
                        SELECT id, at, actor, action, target_type, target_id, county_code, reason, details
                          FROM identity_audit_entry""" + " " + where + " ORDER BY id DESC OFFSET ? LIMIT ?")
                .params(pageParams)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target_type"),
                        rs.getString("target_id"), rs.getString("county_code"), rs.getString("reason"),
                        rs.getString("details")))
                .list();
        return new Page(entries, total, from, size);
    }

    public List<AuditEntry> recent(int limit) {
        Scope scope = actors.current().scope();
        return jdbc.sql("""
                        SELECT id, at, actor, action, target_type, target_id, county_code, reason, details
                          FROM identity_audit_entry
                         WHERE ? OR county_code = ANY(?)
                         ORDER BY id DESC LIMIT ?""")
                .params(scope.citywide(), scope.countyArray(), Math.min(Math.max(limit, 1), 1000))
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target_type"),
                        rs.getString("target_id"), rs.getString("county_code"), rs.getString("reason"),
                        rs.getString("details")))
                .list();
    }
}
