package org.lantian.platform.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.AuditLog;
import org.lantian.platform.monitoring.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The detection rules the city office sets. A change never edits a version: it retires the current one and
 * adds the next, so every ticket keeps pointing at the rule as it was when it fired.
 */
@Service
public class Rules {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Actors actors;
    private final AuditLog audit;
    private final Clock clock;

    Rules(JdbcClient jdbc, Actors actors, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the city office submits for a new rule or a new version of one. */
    public record RuleChange(String code, String name, RuleKind kind, RuleDefinition definition, int receiptMinutes,
                             int disposalMinutes, String department, boolean enabled) {
    }

    /** The versions in force, by code. */
    public List<Rule> current() {
        return jdbc.sql("SELECT * FROM alerts_rule WHERE retired_at IS NULL ORDER BY code").query(Rules::map).list();
    }

    /** The enabled versions in force of one kind. */
    List<Rule> enabled(RuleKind kind) {
        return jdbc.sql("SELECT * FROM alerts_rule WHERE retired_at IS NULL AND enabled AND kind = ? ORDER BY code")
                .param(kind.name()).query(Rules::map).list();
    }

    /** Every version of a rule, newest first. */
    public List<Rule> history(String code) {
        List<Rule> versions = jdbc.sql("SELECT * FROM alerts_rule WHERE code = ? ORDER BY version DESC").param(code).query(Rules::map).list();
        if (versions.isEmpty()) {
            throw new NotFound("规则 " + code);
        }
        return versions;
    }

    Optional<Rule> find(long id) {
        return jdbc.sql("SELECT * FROM alerts_rule WHERE id = ?").param(id).query(Rules::map).optional();
    }

    /** Adds a rule, or the next version of the rule with that code. City office only; audited. */
    @Transactional
    public Rule save(RuleChange change, String reason) {
        if (!actors.current().isCityOffice()) {
            throw new AccessDenied(actors.current().username() + " 无权修改推送规则");
        }
        check(change);
        Timestamp now = Timestamp.from(clock.instant());
        Integer previous = jdbc.sql("UPDATE alerts_rule SET retired_at = ? WHERE code = ? AND retired_at IS NULL RETURNING version")
                .params(now, change.code()).query(Integer.class).optional().orElse(0);
        long id = jdbc.sql("""
                        INSERT INTO alerts_rule (code, version, name, kind, definition, receipt_minutes, disposal_minutes, department,
                                                 enabled, created_at, created_by)
                        VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(change.code(), previous + 1, change.name(), change.kind().name(), JSON.writeValueAsString(change.definition()),
                        change.receiptMinutes(), change.disposalMinutes(), blankToNull(change.department()), change.enabled(), now,
                        actors.current().username())
                .query(Long.class).single();
        audit.record("alerts.rule.saved", "rule", change.code(), null, reason,
                Map.of("version", previous + 1, "enabled", change.enabled()));
        return find(id).orElseThrow();
    }

    private static void check(RuleChange change) {
        if (change.code() == null || !change.code().matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("code：应为 1–40 位字母、数字、“_”或“-”");
        }
        if (change.name() == null || change.name().isBlank()) {
            throw new IllegalArgumentException("name：必填");
        }
        if (change.kind() == null) {
            throw new IllegalArgumentException("kind：必填");
        }
        if (change.definition() == null) {
            throw new IllegalArgumentException("definition：必填");
        }
        if (change.receiptMinutes() < 1 || change.disposalMinutes() < 1) {
            throw new IllegalArgumentException("receiptMinutes、disposalMinutes：签收和处置时限至少 1 分钟");
        }
        change.definition().check(change.kind());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Rule map(ResultSet rs, int row) throws SQLException {
        Timestamp retired = rs.getTimestamp("retired_at");
        return new Rule(rs.getLong("id"), rs.getString("code"), rs.getInt("version"), rs.getString("name"),
                RuleKind.valueOf(rs.getString("kind")), JSON.readValue(rs.getString("definition"), RuleDefinition.class),
                rs.getInt("receipt_minutes"), rs.getInt("disposal_minutes"), rs.getString("department"), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), retired == null ? null : retired.toInstant());
    }
}
