package org.lantian.platform.airquality;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stations or areas whose results could not be recomputed. One failing station must not stop the
 * others: the recomputation stores what it could, records the failure here, and publishes
 * {@link RecomputationFailed} so the office is told in its inbox; the health endpoint reports DEGRADED
 * while any failure is open. A later successful recomputation of the same station or area resolves it.
 */
@Component("recomputation")
public class RecomputationFailures implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(RecomputationFailures.class);
    /** Readable in the health page and the ticket; the stack trace goes to the log. */
    private static final int MAX_ERROR_LENGTH = 500;
    static final Status DEGRADED = new Status("DEGRADED", "some results could not be recomputed");

    public enum Kind { STATION, AREA }

    /** Results of a station or area could not be recomputed for a period. */
    public record RecomputationFailed(Kind kind, String code, Instant from, Instant to, String error) {
    }

    /** An open failure, as the health page and the overview show it. */
    public record Failure(long id, Kind kind, String code, Instant from, Instant to, String error, Instant occurredAt) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecomputationFailures(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    void failed(Kind kind, String code, Instant from, Instant to, RuntimeException e) {
        log.error("Results of {} {} for {}–{} could not be recomputed; the others are stored", kind, code, from, to, e);
        String error = String.valueOf(e);
        error = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        jdbc.sql("""
                        INSERT INTO airquality_recompute_failure (kind, code, period_from, period_to, error, occurred_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(kind.name(), code, Timestamp.from(from), Timestamp.from(to), error, Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(new RecomputationFailed(kind, code, from, to, error));
    }

    /** Open failures of these stations or areas whose whole period was recomputed again are resolved. */
    void succeeded(Kind kind, Collection<String> codes, Instant from, Instant to) {
        if (codes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE airquality_recompute_failure SET resolved_at = ?
                         WHERE resolved_at IS NULL AND kind = ? AND code = ANY(?) AND period_from >= ? AND period_to <= ?""")
                .params(Timestamp.from(clock.instant()), kind.name(), codes.toArray(String[]::new), Timestamp.from(from),
                        Timestamp.from(to))
                .update();
    }

    /** The open failures, newest first. */
    public List<Failure> open(int limit) {
        return jdbc.sql("""
                        SELECT * FROM airquality_recompute_failure WHERE resolved_at IS NULL ORDER BY id DESC LIMIT ?""")
                .param(Math.min(Math.max(limit, 1), 500))
                .query((rs, n) -> new Failure(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getString("code"),
                        rs.getTimestamp("period_from").toInstant(), rs.getTimestamp("period_to").toInstant(),
                        rs.getString("error"), rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    @Override
    public Health health() {
        long open = jdbc.sql("SELECT count(*) FROM airquality_recompute_failure WHERE resolved_at IS NULL").query(Long.class).single();
        return open == 0 ? Health.up().build() : Health.status(DEGRADED).withDetail("openFailures", open).build();
    }
}
