package org.lantian.platform.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for systems that call the API. A token acts as the user it was issued to, with that
 * user's role and scope. Only a SHA-256 of the token is stored: a token is shown once, at issue.
 */
@Service
class ApiTokens {

    static final String PREFIX = "lt_";

    private final JdbcClient jdbc;
    private final Users users;
    private final Actors actors;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private static final Duration USE_RECORD_INTERVAL = Duration.ofMinutes(1);
    private final java.util.Map<String, Instant> lastRecorded = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Who a token stood for a moment ago: a system calling many times a second is answered without two
     * queries each time. Kept {@link #AUTHENTICATED_FOR}; a revocation here clears it at once (a token
     * revoked on another node, or a user locked, takes effect within that time).
     */
    static final Duration AUTHENTICATED_FOR = Duration.ofSeconds(5);
    private record Authenticated(LantianPrincipal principal, Instant at) {
    }
    private final java.util.Map<String, Authenticated> authenticated = new java.util.concurrent.ConcurrentHashMap<>();

    private final Duration maxLifetime;

    ApiTokens(JdbcClient jdbc, Users users, Actors actors, AuditLog audit, Clock clock,
              @org.springframework.beans.factory.annotation.Value("${lantian.security.token-max-lifetime:365d}") Duration maxLifetime) {
        this.maxLifetime = maxLifetime;
        this.jdbc = jdbc;
        this.users = users;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
    }

    record IssuedToken(long id, String name, String token, Instant expiresAt) {
    }

    /** A token as listed: never the token itself, which is shown once at issue. */
    record TokenInfo(long id, String username, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                     Instant revokedAt) {
    }

    /**
     * Issues a token for the current user, valid for {@code validity}: at most the configured maximum
     * lifetime, which is also the default (a token that never expires outlives whoever should revoke it).
     */
    @Transactional
    IssuedToken issue(String name, Duration validity) {
        Actor actor = actors.current();
        User user = users.findVisible(actor.username()).orElseThrow(() -> new AccessDenied("账号不存在"));
        if (validity != null && validity.compareTo(maxLifetime) > 0) {
            throw new IllegalArgumentException("validDays: 令牌有效期最长 " + maxLifetime.toDays() + " 天");
        }
        validity = validity == null ? maxLifetime : validity;
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expires = validity == null ? null : clock.instant().plus(validity);
        long id = jdbc.sql("INSERT INTO identity_api_token (user_id, name, token_hash, expires_at) VALUES (?, ?, ?, ?) RETURNING id")
                .params(user.id(), name, hash(token), expires == null ? null : Timestamp.from(expires))
                .query(Long.class).single();
        audit.record("identity.token.issued", "token", Long.toString(id), actor.countyCode(), null, Map.of("name", name));
        return new IssuedToken(id, name, token, expires);
    }

    /** The caller's own tokens; with {@code all}, the city office sees every user's. */
    List<TokenInfo> list(boolean all) {
        Actor actor = actors.current();
        boolean everyone = all && actor.isCityOffice();
        return jdbc.sql("""
                        SELECT t.id, u.username, t.name, t.created_at, t.expires_at, t.last_used_at, t.revoked_at
                          FROM identity_api_token t JOIN identity_user u ON u.id = t.user_id
                         WHERE ? OR u.username = ? ORDER BY t.id DESC LIMIT 500""")
                .params(everyone, actor.username())
                .query((rs, n) -> new TokenInfo(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7))))
                .list();
    }

    /** Revokes a token: the caller's own, or any as the city office. Unknown or another's answers 404. */
    @Transactional
    void revoke(long id, String reason) {
        Actor actor = actors.current();
        int revoked = jdbc.sql("""
                        UPDATE identity_api_token t SET revoked_at = ?
                          FROM identity_user u
                         WHERE u.id = t.user_id AND t.id = ? AND t.revoked_at IS NULL AND (? OR u.username = ?)""")
                .params(Timestamp.from(clock.instant()), id, actor.isCityOffice(), actor.username()).update();
        if (revoked == 0) {
            throw new java.util.NoSuchElementException("token " + id);
        }
        authenticated.clear();   // the revoked token is refused from now on, not a few seconds later
        audit.record("identity.token.revoked", "token", Long.toString(id), actor.countyCode(), reason, Map.of());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** The principal a presented token stands for, if it is known, unexpired, unrevoked and its user enabled. */
    Optional<LantianPrincipal> authenticate(String token) {
        if (!token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = hash(token);
        Instant now = clock.instant();
        Authenticated recent = authenticated.get(hash);
        if (recent != null && recent.at().isAfter(now.minus(AUTHENTICATED_FOR)) && !recent.at().isAfter(now)) {
            return Optional.of(recent.principal());
        }
        Optional<Long> userId = jdbc.sql("""
                        SELECT user_id FROM identity_api_token
                         WHERE token_hash = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)""")
                .params(hash, Timestamp.from(now))
                .query(Long.class).optional();
        userId.ifPresent(id -> recordUse(hash, now));
        Optional<LantianPrincipal> principal = userId.flatMap(users::principalById)
                .filter(LantianPrincipal::isEnabled)
                .filter(LantianPrincipal::isAccountNonLocked);
        if (authenticated.size() > 10_000) {
            authenticated.clear();   // bounded: many tokens at once are rare, and losing the memory costs two queries
        }
        principal.ifPresentOrElse(p -> authenticated.put(hash, new Authenticated(p, now)), () -> authenticated.remove(hash));
        return principal;
    }

    /**
     * Notes when a token was last used, at most once a minute per token: a write (and its commit flush) on
     * every request would serialise a busy system's requests on the token's row.
     */
    private void recordUse(String hash, Instant now) {
        Instant last = lastRecorded.get(hash);
        if (last != null && last.isAfter(now.minus(USE_RECORD_INTERVAL))) {
            return;
        }
        lastRecorded.put(hash, now);
        jdbc.sql("UPDATE identity_api_token SET last_used_at = ? WHERE token_hash = ?").params(Timestamp.from(now), hash).update();
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
