package org.lantian.platform.alerts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each unit's outbound webhook. A ticket change writes one delivery per interested webhook in its own
 * transaction, so nothing committed goes unannounced; a sender posts them, signed, and retries with
 * back-off (1, 2, 4 … minutes, at most an hour apart, {@value #MAX_ATTEMPTS} attempts). Delivery is at
 * least once: receivers drop repeats by the {@code X-Lantian-Delivery} id.
 */
@Service
public class Webhooks {

    static final int MAX_ATTEMPTS = 8;
    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    public record Webhook(long id, String unit, String url, boolean enabled, Instant createdAt, String createdBy) {
    }

    /** {@code ticketId}: null for a document's delivery. */
    public record Delivery(long id, long webhookId, Long ticketId, String action, String state, int attempts, Instant nextAttemptAt,
                           Integer lastStatus, String lastError, Instant createdAt, Instant deliveredAt) {
    }

    private record Due(long id, long webhookId, String url, String secret, String action, String payload, int attempts) {
    }

    /** Deliveries one receiver gets per round: a receiver with a backlog cannot crowd out the others. */
    static final int PER_RECEIVER = 10;
    /** Receivers served at once: one that hangs until its time-out delays only its own deliveries. */
    static final int PARALLEL_RECEIVERS = 8;

    private final JdbcClient jdbc;
    private final Actors actors;
    private final AuditLog audit;
    private final Divisions divisions;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(PARALLEL_RECEIVERS,
            runnable -> {
                Thread thread = new Thread(runnable, "webhook-sender");
                thread.setDaemon(true);
                return thread;
            });
    private final WebhookAddresses addresses;

    Webhooks(JdbcClient jdbc, Actors actors, AuditLog audit, Divisions divisions, TransactionTemplate transactions, Clock clock,
             WebhookAddresses addresses) {
        this.addresses = addresses;
        this.jdbc = jdbc;
        this.actors = actors;
        this.audit = audit;
        this.divisions = divisions;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Registers a unit's webhook (city office). {@code unit}: a county code, a department's name, or 130400 for every ticket. */
    public Webhook register(String unit, String url, String secret, String reason) {
        requireCityOffice();
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("unit：请选择单位");
        }
        if (url == null || !url.matches("https?://\\S+") || url.length() > 2000) {
            throw new IllegalArgumentException("url: 应为 http:// 或 https:// 开头的完整地址");
        }
        addresses.check(url.strip());
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("secret：签名密钥至少 16 个字符");
        }
        Webhook hook = jdbc.sql("""
                        INSERT INTO alerts_webhook (unit, url, secret, enabled, created_at, created_by) VALUES (?, ?, ?, true, ?, ?)
                        RETURNING id, unit, url, enabled, created_at, created_by""")
                .params(unit.strip(), url.strip(), secret, Timestamp.from(clock.instant()), actors.current().username())
                .query((rs, n) -> new Webhook(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6))).single();
        audit.record("alerts.webhook.registered", "webhook", String.valueOf(hook.id()),
                divisions.find(hook.unit()).isPresent() && !hook.unit().equals(Divisions.CITY_CODE) ? hook.unit() : null, reason,
                Map.of("url", hook.url()));
        return hook;
    }

    /**
     * Registers an endpoint that receives documents rather than ticket changes (a neighbouring city's
     * exchange): {@code unit} names the receiver. The documents go out through the same outbox, signed and
     * retried as ticket changes are. City office.
     */
    public Webhook registerDocumentReceiver(String unit, String url, String reason) {
        requireCityOffice();
        Webhook hook = register(unit, url, randomSecret(), reason);
        jdbc.sql("UPDATE alerts_webhook SET kind = 'DOCUMENTS' WHERE id = ?").param(hook.id()).update();
        return hook;
    }

    /** Writes a document's delivery to a document receiver, inside the caller's transaction (an outbox). */
    public void enqueueDocument(long webhookId, String action, String payload) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        INSERT INTO alerts_delivery (webhook_id, ticket_id, action, payload, state, next_attempt_at, created_at)
                        SELECT id, NULL, ?, ?, 'PENDING', ?, ? FROM alerts_webhook WHERE id = ? AND kind = 'DOCUMENTS' AND enabled""")
                .params(action, payload, now, now, webhookId).update();
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Switches a webhook off or on again (city office). */
    public void enable(long id, boolean enabled, String reason) {
        requireCityOffice();
        if (jdbc.sql("UPDATE alerts_webhook SET enabled = ? WHERE id = ?").params(enabled, id).update() == 0) {
            throw new org.lantian.platform.monitoring.NotFound("webhook " + id);
        }
        audit.record("alerts.webhook." + (enabled ? "enabled" : "disabled"), "webhook", String.valueOf(id), null, reason, Map.of());
    }

    public List<Webhook> list() {
        requireCityOffice();
        return jdbc.sql("SELECT id, unit, url, enabled, created_at, created_by FROM alerts_webhook ORDER BY id")
                .query((rs, n) -> new Webhook(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6))).list();
    }

    /** A webhook's deliveries, newest first. */
    public List<Delivery> deliveries(long webhookId, int limit) {
        requireCityOffice();
        return jdbc.sql("SELECT * FROM alerts_delivery WHERE webhook_id = ? ORDER BY id DESC LIMIT ?").params(webhookId, limit)
                .query((rs, n) -> new Delivery(rs.getLong("id"), rs.getLong("webhook_id"), (Long) rs.getObject("ticket_id"), rs.getString("action"),
                        rs.getString("state"), rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(),
                        (Integer) rs.getObject("last_status"), rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("delivered_at") == null ? null : rs.getTimestamp("delivered_at").toInstant()))
                .list();
    }

    /** Writes the deliveries that announce a ticket change, inside the change's transaction. */
    void enqueue(Tickets.TicketChanged changed) {
        String payload = Rules.JSON.writeValueAsString(Map.of("ticketId", changed.ticketId(), "action", changed.action(),
                "actionLabel", Tickets.ACTION_LABELS.getOrDefault(changed.action(), changed.action()), "title", changed.title(),
                "countyCode", changed.countyCode(), "department", changed.department() == null ? "" : changed.department(),
                "state", changed.state().name(), "at", changed.at().toString()));
        Timestamp now = Timestamp.from(changed.at());
        jdbc.sql("""
                        INSERT INTO alerts_delivery (webhook_id, ticket_id, action, payload, state, next_attempt_at, created_at)
                        SELECT id, ?, ?, ?, 'PENDING', ?, ? FROM alerts_webhook
                         WHERE enabled AND kind = 'TICKETS' AND (unit = ? OR unit = ? OR unit = ?)""")
                .params(changed.ticketId(), changed.action(), payload, now, now, changed.countyCode(),
                        changed.department() == null ? "" : changed.department(), Divisions.CITY_CODE)
                .update();
    }

    /**
     * Sends what is due. Each delivery is leased first, so a slow receiver never blocks a transaction; at
     * most {@link #PER_RECEIVER} per receiver a round, receivers in parallel, each receiver's in order. A
     * switched-off webhook's deliveries wait, untried, until it is switched on again.
     */
    @Scheduled(fixedDelayString = "${lantian.alerts.webhook-interval:5s}", initialDelayString = "${lantian.alerts.webhook-interval:5s}")
    public void deliver() {
        Instant now = clock.instant();
        List<Due> due = transactions.execute(status -> jdbc.sql("""
                        UPDATE alerts_delivery d SET next_attempt_at = :lease
                          FROM alerts_webhook w
                         WHERE w.id = d.webhook_id AND d.id IN (
                               SELECT id FROM alerts_delivery WHERE id IN (
                                      SELECT id FROM (
                                             SELECT p.id, row_number() OVER (PARTITION BY p.webhook_id ORDER BY p.next_attempt_at, p.id) AS n
                                               FROM alerts_delivery p JOIN alerts_webhook h ON h.id = p.webhook_id AND h.enabled
                                              WHERE p.state = 'PENDING' AND p.next_attempt_at <= :now) ranked
                                       WHERE n <= :perReceiver)
                                  FOR UPDATE SKIP LOCKED)
                        RETURNING d.id, d.webhook_id, w.url, w.secret, d.action, d.payload, d.attempts""")
                .param("lease", Timestamp.from(now.plus(LEASE))).param("now", Timestamp.from(now)).param("perReceiver", PER_RECEIVER)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getInt(7)))
                .list());
        if (due == null || due.isEmpty()) {
            return;
        }
        Map<Long, List<Due>> byReceiver = new java.util.TreeMap<>();
        due.stream().sorted(java.util.Comparator.comparingLong(Due::id))
                .forEach(d -> byReceiver.computeIfAbsent(d.webhookId(), k -> new java.util.ArrayList<>()).add(d));
        List<java.util.concurrent.Future<?>> rounds = new java.util.ArrayList<>();
        byReceiver.values().forEach(deliveries -> rounds.add(senders.submit(() -> deliveries.forEach(this::send))));
        for (java.util.concurrent.Future<?> round : rounds) {
            try {
                round.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                log.warn("webhook deliveries failed", e.getCause());
            }
        }
    }

    @jakarta.annotation.PreDestroy
    void stopSenders() {
        senders.shutdownNow();
    }

    private void send(Due d) {
        Integer status = null;
        String error = null;
        try {
            addresses.check(d.url());
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(d.url()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("X-Lantian-Delivery", String.valueOf(d.id()))
                    .header("X-Lantian-Event", d.action())
                    .header("X-Lantian-Signature", "sha256=" + sign(d.secret(), d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
        } catch (java.io.IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // the lease runs out and the next sender tries again
        }
        record(d, status, error);
    }

    private void record(Due d, Integer status, String error) {
        Instant now = clock.instant();
        int attempts = d.attempts() + 1;
        if (status != null && status >= 200 && status < 300) {
            jdbc.sql("UPDATE alerts_delivery SET state = 'DELIVERED', attempts = ?, last_status = ?, last_error = NULL, delivered_at = ? WHERE id = ?")
                    .params(attempts, status, Timestamp.from(now), d.id()).update();
            return;
        }
        String why = error != null ? error : "HTTP " + status;
        boolean givenUp = attempts >= MAX_ATTEMPTS;
        jdbc.sql("UPDATE alerts_delivery SET state = ?, attempts = ?, last_status = ?, last_error = ?, next_attempt_at = ? WHERE id = ?")
                .params(givenUp ? "FAILED" : "PENDING", attempts, status, why, Timestamp.from(now.plus(backoff(attempts))), d.id()).update();
        log.warn("webhook delivery {} to {} failed ({}), attempt {}{}", d.id(), d.url(), why, attempts, givenUp ? ", given up" : "");
    }

    /** 1, 2, 4 … minutes after the attempts so far, never more than an hour. */
    static Duration backoff(int attempts) {
        return Duration.ofMinutes(Math.min(60, 1L << Math.min(attempts - 1, 6)));
    }

    /** HMAC-SHA256 of the body with the webhook's secret, hex: what the receiver recomputes to trust the body. */
    static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private void requireCityOffice() {
        if (!actors.current().isCityOffice()) {
            throw new AccessDenied(actors.current().username() + " 无权管理通知接口");
        }
    }
}
