package org.lantian.platform.neighbours;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantian.platform.alerts.Webhooks;
import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.AuditLog;
import org.lantian.platform.monitoring.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The neighbouring cities: which they are ({@code lantian.neighbours.cities}, the national network's names;
 * by default the six that touch Handan's border), and for each the public key its documents are checked with
 * and the endpoint Handan's documents go to. Kept by the city office.
 */
@Service
@Order(12) // before the demo data, which simulates the neighbours' stations
public class Neighbours implements ApplicationRunner {

    /** A neighbour as the office registered it; {@code publicKey} and {@code webhookId} null until set. */
    public record Neighbour(String city, String name, String publicKey, Long webhookId) {

        public boolean receivesDocuments() {
            return webhookId != null;
        }
    }

    /** A neighbour as the office's registry shows it: its key and where Handan's documents go ({@code endpoint} null until set). */
    public record Registered(String city, String name, String publicKey, String endpoint) {
    }

    private final JdbcClient jdbc;
    private final Webhooks webhooks;
    private final Actors actors;
    private final AuditLog audit;
    private final Clock clock;
    private final List<String> configured;

    Neighbours(JdbcClient jdbc, Webhooks webhooks, Actors actors, AuditLog audit, Clock clock,
               @Value("${lantian.neighbours.cities:邢台,聊城,濮阳,安阳,长治,晋中}") List<String> configured) {
        this.jdbc = jdbc;
        this.webhooks = webhooks;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
        this.configured = configured.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
    }

    /** Adds the configured neighbours that are not registered yet (a first start, or a city added to the setting). */
    @Override
    public void run(ApplicationArguments args) {
        for (String city : configured) {
            jdbc.sql("""
                            INSERT INTO neighbour_city (city, name, updated_at, updated_by) VALUES (?, ?, ?, 'system')
                            ON CONFLICT (city) DO NOTHING""")
                    .params(city, city + "市", Timestamp.from(clock.instant())).update();
        }
    }

    /** The neighbours, in the configured order. */
    public List<Neighbour> list() {
        List<Neighbour> all = jdbc.sql("SELECT city, name, public_key, webhook_id FROM neighbour_city")
                .query((rs, i) -> new Neighbour(rs.getString(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4)))
                .list();
        return all.stream().filter(n -> configured.contains(n.city())).sorted(java.util.Comparator.comparingInt(n -> configured.indexOf(n.city())))
                .toList();
    }

    /** The registry with each neighbour's endpoint, as the alerts module keeps it: city office. */
    public List<Registered> registry() {
        requireCityOffice();
        Map<Long, String> urls = new java.util.HashMap<>();
        webhooks.list().forEach(w -> urls.put(w.id(), w.url()));
        return list().stream().map(n -> new Registered(n.city(), n.name(), n.publicKey(), n.webhookId() == null ? null : urls.get(n.webhookId())))
                .toList();
    }

    public Neighbour get(String city) {
        return list().stream().filter(n -> n.city().equals(city)).findFirst().orElseThrow(() -> new NotFound("邻市 " + city));
    }

    /** The neighbour whose documents are signed as {@code name} (e.g. 邢台市), if it is registered. */
    Optional<Neighbour> signedAs(String name) {
        return list().stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** Registers the neighbour's public key (Ed25519, base64 X.509), which its documents must verify against. City office. */
    @Transactional
    public Neighbour setPublicKey(String city, String publicKey, String reason) {
        requireCityOffice();
        Neighbour n = get(city);
        String key = publicKey == null ? "" : publicKey.replaceAll("\\s", "");
        parseKey(key);
        jdbc.sql("UPDATE neighbour_city SET public_key = ?, updated_at = ?, updated_by = ? WHERE city = ?")
                .params(key, Timestamp.from(clock.instant()), actors.current().username(), city).update();
        audit.record("neighbours.key", "neighbour", city, null, reason, Map.of("key", key));
        return get(n.city());
    }

    /** Sets where Handan's documents go for this neighbour, through the alerts module's outbox. City office. */
    @Transactional
    public Neighbour setEndpoint(String city, String url, String reason) {
        requireCityOffice();
        Neighbour n = get(city);
        if (n.webhookId() != null) {
            webhooks.enable(n.webhookId(), false, "邻市接收地址更换");
        }
        Webhooks.Webhook hook = webhooks.registerDocumentReceiver("邻市:" + n.name(), url, reason);
        jdbc.sql("UPDATE neighbour_city SET webhook_id = ?, updated_at = ?, updated_by = ? WHERE city = ?")
                .params(hook.id(), Timestamp.from(clock.instant()), actors.current().username(), city).update();
        return get(city);
    }

    /** A base64 X.509 Ed25519 public key, or a named refusal. */
    static PublicKey parseKey(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IllegalArgumentException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("publicKey：应为 Ed25519 公钥（X.509 格式的 Base64）");
        }
    }

    private void requireCityOffice() {
        if (!actors.current().isCityOffice()) {
            throw new AccessDenied(actors.current().username() + " 无权管理邻市联防联控");
        }
    }
}
