package org.lantian.platform.neighbours;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lantian.platform.emergency.Measures;
import org.lantian.platform.emergency.Warning;
import org.lantian.platform.emergency.Warnings;
import org.lantian.platform.alerts.Webhooks;
import org.lantian.platform.geo.Divisions;
import org.lantian.standards.BeijingTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Warnings exchanged with the neighbours as signed documents. Handan's own warning steps (issued, raised,
 * lowered, extended, lifted) each become a document, signed with Handan's Ed25519 key and written to every
 * neighbour's endpoint through the alerts module's webhook outbox in the warning's own transaction, so a
 * step is never taken without its document going out. A neighbour's document is taken only when its
 * signature verifies against the public key the office registered for the issuer; the same document sent
 * again (the outbox delivers at least once) is stored once.
 *
 * <p>The envelope is {@code {"issuer": "邯郸市", "payload": "<the document's JSON, as a string>",
 * "signature": "<base64 Ed25519 of the payload's UTF-8 bytes>"}}: the signature covers the exact bytes,
 * so no JSON canonicalisation is needed on either side.
 */
@Service
public class Exchange {

    static final int MAX_PAYLOAD_CHARS = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BeijingTime.ZONE);

    /** What travels: the document's exact JSON text and its signature. */
    public record Envelope(String issuer, String payload, String signature) {
    }

    /** A document sent or received, as stored. */
    public record Document(UUID id, String direction, String city, String kind, Instant issuedAt, Instant recordedAt, String summary,
                           String payload, String signature) {
    }

    private final JdbcClient jdbc;
    private final Neighbours neighbours;
    private final Webhooks webhooks;
    private final Warnings warnings;
    private final Measures measures;
    private final Divisions divisions;
    private final Clock clock;
    private final String issuer;

    Exchange(JdbcClient jdbc, Neighbours neighbours, Webhooks webhooks, Warnings warnings, Measures measures, Divisions divisions, Clock clock,
             @Value("${lantian.neighbours.issuer:邯郸市}") String issuer) {
        this.jdbc = jdbc;
        this.neighbours = neighbours;
        this.webhooks = webhooks;
        this.warnings = warnings;
        this.measures = measures;
        this.divisions = divisions;
        this.clock = clock;
        this.issuer = issuer;
    }

    /** Makes the key on the first start, in its own transaction, before any document needs it. */
    @EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void keyReady() {
        keys();
    }

    /** Handan's public key (Ed25519, base64 X.509), for the neighbours to register. */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(keys().getPublic().getEncoded());
    }

    public String issuer() {
        return issuer;
    }

    // ---- sending ---------------------------------------------------------------------------------------

    /** A step of Handan's warning: its document goes to every neighbour with an endpoint, in the step's transaction. */
    @EventListener
    void onWarning(Warnings.Changed changed) {
        Warning w = warnings.find(changed.warningId());
        Map<String, Object> document = new LinkedHashMap<>();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        document.put("id", id.toString());
        document.put("kind", "WARNING");
        document.put("issuer", issuer);
        document.put("issuedAt", now.toString());
        Map<String, Object> warning = new LinkedHashMap<>();
        warning.put("id", w.id());
        warning.put("action", changed.action().name());
        warning.put("actionLabel", changed.action().label());
        warning.put("level", changed.level().name());
        warning.put("levelLabel", changed.level().label());
        warning.put("area", w.citywide() ? "全市" : divisions.names(w.counties(), "、"));
        warning.put("startsAt", w.startsAt().toString());
        warning.put("endsAt", w.endedAt().toString());
        warning.put("reason", w.reason());
        document.put("warning", warning);
        document.put("reductions", reductions(changed));
        send(id, "WARNING", JSON.writeValueAsString(document), now,
                issuer + changed.action().label() + changed.level().label() + "（" + warning.get("area") + "，" + MINUTE.format(w.startsAt())
                        + " 至 " + MINUTE.format(w.endedAt()) + "）");
    }

    /** The city's planned reductions at the level, against the share the rules require (t/d, %). */
    private Map<String, Object> reductions(Warnings.Changed changed) {
        Map<String, Object> out = new LinkedHashMap<>();
        measures.reductions(changed.level()).stream().filter(a -> a.areaCode().equals(Divisions.CITY_CODE)).findFirst().ifPresent(city -> {
            out.put("requiredPercent", city.requiredPercent());
            out.put("plants", city.plants());
            out.put("sharePercent", city.sharePercent());
        });
        return out;
    }

    private void send(UUID id, String kind, String payload, Instant now, String summary) {
        String signature = sign(payload);
        jdbc.sql("""
                        INSERT INTO neighbour_document (id, direction, city, kind, payload, signature, issued_at, recorded_at, summary)
                        VALUES (?, 'SENT', '*', ?, ?, ?, ?, ?, ?)""")
                .params(id, kind, payload, signature, Timestamp.from(now), Timestamp.from(now), summary).update();
        String envelope = JSON.writeValueAsString(new Envelope(issuer, payload, signature));
        neighbours.list().stream().filter(Neighbours.Neighbour::receivesDocuments)
                .forEach(n -> webhooks.enqueueDocument(n.webhookId(), "neighbour." + kind.toLowerCase(java.util.Locale.ROOT), envelope));
    }

    String sign(String payload) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keys().getPrivate());
            s.update(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }

    // ---- receiving -------------------------------------------------------------------------------------

    /** Takes a neighbour's signed document, or refuses it naming why. The same document again is the stored one. */
    @Transactional
    public Document receive(Envelope envelope) {
        if (envelope == null || envelope.issuer() == null || envelope.payload() == null || envelope.signature() == null) {
            throw new IllegalArgumentException("issuer、payload、signature：三项均须提供");
        }
        if (envelope.payload().length() > MAX_PAYLOAD_CHARS) {
            throw new IllegalArgumentException("payload：文书超过 " + MAX_PAYLOAD_CHARS + " 个字符");
        }
        Neighbours.Neighbour from = neighbours.signedAs(envelope.issuer()).filter(n -> n.publicKey() != null)
                .orElseThrow(() -> new IllegalArgumentException("issuer：“" + shorten(envelope.issuer()) + "”不是已登记公钥的邻市"));
        if (!verifies(Neighbours.parseKey(from.publicKey()), envelope.payload(), envelope.signature())) {
            throw new IllegalArgumentException("signature：签名与" + from.name() + "登记的公钥不符，文书可能被篡改");
        }
        JsonNode doc;
        UUID id;
        Instant issuedAt;
        try {
            doc = JSON.readTree(envelope.payload());
            id = UUID.fromString(doc.path("id").asString());
            issuedAt = Instant.parse(doc.path("issuedAt").asString());
        } catch (JacksonException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("payload：文书应为含 id（UUID）、kind、issuer、issuedAt（ISO 时刻）的 JSON");
        }
        if (!from.name().equals(doc.path("issuer").asString())) {
            throw new IllegalArgumentException("payload.issuer：文书的签发单位与信封不一致");
        }
        String kind = doc.path("kind").asString();
        if (!kind.matches("[A-Z_]{1,40}")) {
            throw new IllegalArgumentException("payload.kind：应为大写字母和下划线（如 WARNING）");
        }
        List<Document> same = jdbc.sql("SELECT * FROM neighbour_document WHERE id = ?").param(id).query(Exchange::map).list();
        if (!same.isEmpty()) {
            if (!same.get(0).payload().equals(envelope.payload())) {
                throw new IllegalStateException("payload.id：文书编号 " + id + " 已用于另一份文书");
            }
            return same.get(0);
        }
        Document taken = new Document(id, "RECEIVED", from.city(), kind, issuedAt, clock.instant(), summary(from, kind, doc),
                envelope.payload(), envelope.signature());
        jdbc.sql("""
                        INSERT INTO neighbour_document (id, direction, city, kind, payload, signature, issued_at, recorded_at, summary)
                        VALUES (?, 'RECEIVED', ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, taken.city(), kind, taken.payload(), taken.signature(), Timestamp.from(issuedAt), Timestamp.from(taken.recordedAt()),
                        taken.summary())
                .update();
        return taken;
    }

    private static String summary(Neighbours.Neighbour from, String kind, JsonNode doc) {
        JsonNode w = doc.path("warning");
        if (!"WARNING".equals(kind) || w.isMissingNode()) {
            return from.name() + "：" + kind;
        }
        String text = from.name() + shorten(w.path("actionLabel").asString()) + shorten(w.path("levelLabel").asString());
        try {
            text += "（" + shorten(w.path("area").asString()) + "，" + MINUTE.format(Instant.parse(w.path("startsAt").asString())) + " 至 "
                    + MINUTE.format(Instant.parse(w.path("endsAt").asString())) + "）";
        } catch (java.time.format.DateTimeParseException e) {
            text += "（时间未能识别）";
        }
        return text;
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    static boolean verifies(PublicKey key, String payload, String signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(payload.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException | java.security.SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }

    // ---- reading ---------------------------------------------------------------------------------------

    /** The latest documents both ways, newest first. */
    public List<Document> recent(int limit) {
        return jdbc.sql("SELECT * FROM neighbour_document ORDER BY recorded_at DESC, id LIMIT ?").param(Math.min(limit, 500))
                .query(Exchange::map).list();
    }

    /** The neighbours' warnings still in force: each neighbour warning's latest step, unless lifted or ended. */
    public List<Document> neighbourWarningsInForce() {
        Instant now = clock.instant();
        Map<String, Document> latest = new LinkedHashMap<>();
        Map<String, Boolean> inForce = new java.util.HashMap<>();
        for (Document d : jdbc.sql("""
                        SELECT * FROM neighbour_document WHERE direction = 'RECEIVED' AND kind = 'WARNING'
                           AND recorded_at > ? ORDER BY issued_at""")
                .param(Timestamp.from(now.minus(java.time.Duration.ofDays(30)))).query(Exchange::map).list()) {
            JsonNode w = JSON.readTree(d.payload()).path("warning");
            String warning = d.city() + "#" + w.path("id").asString();
            latest.put(warning, d);
            inForce.put(warning, !"LIFTED".equals(w.path("action").asString()) && endsAfter(w, now));
        }
        return latest.entrySet().stream().filter(e -> inForce.get(e.getKey())).map(Map.Entry::getValue).toList();
    }

    private static boolean endsAfter(JsonNode warning, Instant now) {
        try {
            return Instant.parse(warning.path("endsAt").asString()).isAfter(now);
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static Document map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Document(rs.getObject("id", UUID.class), rs.getString("direction"), rs.getString("city"), rs.getString("kind"),
                rs.getTimestamp("issued_at").toInstant(), rs.getTimestamp("recorded_at").toInstant(), rs.getString("summary"),
                rs.getString("payload"), rs.getString("signature"));
    }

    // ---- the key ---------------------------------------------------------------------------------------

    private volatile KeyPair keys;

    /** Handan's key pair: made once on first use and kept in the database, so every node signs with the same key. */
    private KeyPair keys() {
        KeyPair k = keys;
        if (k == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = loadOrCreate();
                }
                k = keys;
            }
        }
        return k;
    }

    private KeyPair loadOrCreate() {
        try {
            KeyPair fresh = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            jdbc.sql("""
                            INSERT INTO neighbour_signing_key (id, private_key, public_key, created_at) VALUES (1, ?, ?, ?)
                            ON CONFLICT (id) DO NOTHING""")
                    .params(fresh.getPrivate().getEncoded(), fresh.getPublic().getEncoded(), Timestamp.from(clock.instant())).update();
            return jdbc.sql("SELECT private_key, public_key FROM neighbour_signing_key WHERE id = 1").query((rs, n) -> {
                try {
                    KeyFactory factory = KeyFactory.getInstance("Ed25519");
                    PrivateKey priv = factory.generatePrivate(new PKCS8EncodedKeySpec(rs.getBytes(1)));
                    PublicKey pub = factory.generatePublic(new X509EncodedKeySpec(rs.getBytes(2)));
                    return new KeyPair(pub, priv);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("the stored signing key cannot be read", e);
                }
            }).single();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }
}
