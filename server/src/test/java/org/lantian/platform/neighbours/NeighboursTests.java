package org.lantian.platform.neighbours;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.MutableClock;
import org.lantian.platform.PlatformTest;
import org.lantian.platform.alerts.Webhooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The neighbours: signed warnings both ways over the webhook outbox, their stations now, and the border comparison. */
@PlatformTest
class NeighboursTests extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Webhooks webhooks;
    @Autowired
    MutableClock clock;
    @Autowired
    BorderComparison comparison;
    @Autowired
    Exchange exchange;
    @Autowired
    NeighbourAir air;

    private ResponseEntity<String> anonymousPost(String path, String json) {
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(s -> true, (rq, rs) -> { }).build()
                .post().uri(path).contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(json).retrieve().toEntity(String.class);
    }

    private static String sign(KeyPair keys, String payload) throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(keys.getPrivate());
        s.update(payload.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(s.sign());
    }

    private static String envelope(String issuer, String payload, String signature) {
        return JSON.writeValueAsString(new Exchange.Envelope(issuer, payload, signature));
    }

    @Test
    void aNeighboursSignedWarningIsTakenOnceAndATamperedOneIsRefused() throws Exception {
        KeyPair xingtai = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String key = Base64.getEncoder().encodeToString(xingtai.getPublic().getEncoded());
        assertThat(as("wuan").put("/api/neighbours/邢台/key", "{\"publicKey\":\"" + key + "\",\"reason\":\"x\"}").getStatusCode().value())
                .isEqualTo(403);
        assertThat(Api.json(as("city").put("/api/neighbours/邢台/key", "{\"publicKey\":\"bm90IGEga2V5\",\"reason\":\"x\"}")).get("detail")
                .asString()).startsWith("publicKey");
        assertThat(as("city").put("/api/neighbours/邢台/key", "{\"publicKey\":\"" + key + "\",\"reason\":\"邢台市生态环境局提供\"}")
                .getStatusCode().value()).isEqualTo(200);

        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String payload = """
                {"id":"%s","kind":"WARNING","issuer":"邢台市","issuedAt":"%s","warning":{"id":7,"action":"ISSUED","actionLabel":"发布",
                 "level":"ORANGE","levelLabel":"橙色预警（Ⅱ级响应）","area":"全市","startsAt":"%s","endsAt":"%s","reason":"区域重污染过程"}}"""
                .formatted(UUID.randomUUID(), now, now, now.plus(Duration.ofDays(2)));
        String signed = envelope("邢台市", payload, sign(xingtai, payload));

        ResponseEntity<String> taken = anonymousPost("/api/public/neighbours/documents", signed);
        assertThat(taken.getStatusCode().value()).as(taken.getBody()).isEqualTo(200);
        assertThat(Api.json(taken).get("summary").asString()).startsWith("邢台市发布橙色预警（Ⅱ级响应）（全市，");
        assertThat(anonymousPost("/api/public/neighbours/documents", signed).getStatusCode().value())
                .as("the outbox's second delivery of the same document").isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM neighbour_document WHERE payload = ?").param(payload).query(Integer.class).single()).isEqualTo(1);
        assertThat(exchange.neighbourWarningsInForce()).anyMatch(d -> d.payload().equals(payload));

        String tampered = payload.replace("ORANGE", "YELLOW").replace("橙色预警（Ⅱ级响应）", "黄色预警（Ⅲ级响应）");
        ResponseEntity<String> refused = anonymousPost("/api/public/neighbours/documents", envelope("邢台市", tampered, sign(xingtai, payload)));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(Api.json(refused).get("detail").asString()).startsWith("signature").contains("篡改");
        KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThat(Api.json(anonymousPost("/api/public/neighbours/documents", envelope("邢台市", tampered, sign(stranger, tampered))))
                .get("detail").asString()).startsWith("signature");
        assertThat(Api.json(anonymousPost("/api/public/neighbours/documents", envelope("石家庄市", tampered, sign(stranger, tampered))))
                .get("detail").asString()).startsWith("issuer");
        assertThat(anonymousPost("/api/public/neighbours/documents", "{\"issuer\":\"邢台市\"}").getStatusCode().value()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM neighbour_document WHERE payload = ?").param(tampered).query(Integer.class).single()).isZero();
    }

    @Test
    void handansWarningGoesToANeighbourSignedWithThePublishedKey() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer anyang = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        anyang.createContext("/lianfang", ex -> {
            received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        anyang.start();
        Instant start = clock.instant().truncatedTo(ChronoUnit.MINUTES).minusSeconds(60);
        Long warning = null;
        try {
            assertThat(as("city").put("/api/neighbours/安阳/endpoint", """
                    {"url":"http://127.0.0.1:%d/lianfang","reason":"安阳市联防联控接收地址"}""".formatted(anyang.getAddress().getPort()))
                    .getStatusCode().value()).isEqualTo(200);
            var issued = as("city").post("/api/emergency/warnings", """
                    {"level": "YELLOW", "counties": ["130432"], "startsAt": "%s", "endsAt": "%s", "reason": "广平局地重污染"}"""
                    .formatted(start, start.plus(Duration.ofDays(1))));
            assertThat(issued.getStatusCode().value()).as(issued.getBody()).isEqualTo(201);
            warning = Api.json(issued).get("id").asLong();
            webhooks.deliver();
            assertThat(received).hasSize(1);

            JsonNode env = JSON.readTree(received.get(0));
            JsonNode published = JSON.readTree(RestClient.create("http://localhost:" + port).get().uri("/api/public/neighbours/key")
                    .retrieve().body(String.class));
            assertThat(env.get("issuer").asString()).isEqualTo("邯郸市").isEqualTo(published.get("issuer").asString());
            assertThat(Exchange.verifies(Neighbours.parseKey(published.get("publicKey").asString()), env.get("payload").asString(),
                    env.get("signature").asString())).as("the receiver checks it with the published key").isTrue();
            JsonNode doc = JSON.readTree(env.get("payload").asString());
            assertThat(doc.get("kind").asString()).isEqualTo("WARNING");
            assertThat(doc.get("warning").get("action").asString()).isEqualTo("ISSUED");
            assertThat(doc.get("warning").get("level").asString()).isEqualTo("YELLOW");
            assertThat(doc.get("warning").get("area").asString()).isEqualTo("广平县");
            assertThat(doc.get("reductions").get("requiredPercent").asInt()).isPositive();
            assertThat(Api.json(as("city").get("/api/neighbours/documents")).get(0).get("summary").asString()).startsWith("邯郸市发布黄色预警");
        } finally {
            anyang.stop(0);
            if (warning != null) {
                as("city").post("/api/emergency/warnings/" + warning + "/lifting", "{\"reason\": \"测试结束\"}");
            }
        }
    }

    @Test
    void theNeighbourThatLeadsIsFoundFromItsStationsAndTheNearestCounty() {
        clock.freezeAt(Instant.parse("2031-03-10T00:00:00Z"));
        try {
            Instant to = clock.instant();
            BorderComparison.Comparison before = comparison.compare().stream().filter(c -> c.city().equals("安阳")).findFirst().orElseThrow();
            String county = before.county();
            assertThat(before.leadHours()).as("no data in 2031 yet").isNull();
            List<String> stations = jdbc.sql("SELECT station_code FROM airquality_network_station WHERE city = '安阳' AND counted AND lon IS NOT NULL")
                    .query(String.class).list();
            assertThat(stations).hasSizeGreaterThanOrEqualTo(3);
            // a week in which every plume over Anyang reaches the county 4 hours later
            java.util.Random random = new java.util.Random(4);
            double[] plume = new double[7 * 24 + 4];
            double level = 0;
            for (int i = 0; i < plume.length; i++) {
                level = 0.85 * level + random.nextGaussian() * 25;
                plume[i] = level;
            }
            for (int i = 0; i < 7 * 24; i++) {
                Instant hour = to.minus(Duration.ofHours(7 * 24 - 1 - i));
                double diurnal = 25 * Math.cos(2 * Math.PI * ((i + 8) % 24 - 2) / 24.0);
                long theirs = Math.max(5, Math.round(110 + diurnal + plume[i + 4]));
                long ours = Math.max(5, Math.round(95 + diurnal + plume[i]));
                for (String station : stations) {
                    jdbc.sql("""
                                    INSERT INTO airquality_network_hour (station_code, hour_end, revision, pm25, file_name, recorded_at)
                                    VALUES (?, ?, 1, ?, 'neighbours-test', now())""")
                            .params(station, Timestamp.from(hour), BigDecimal.valueOf(theirs)).update();
                }
                jdbc.sql("""
                                INSERT INTO airquality_area_hour (area_code, hour_end, rule_set, station_count, pm25, primary_pollutants, provisional, computed_at)
                                VALUES (?, ?, 'CN2012', 1, ?, '{}', false, now())""")
                        .params(county, Timestamp.from(hour), BigDecimal.valueOf(ours)).update();
            }
            BorderComparison.Comparison c = comparison.compare().stream().filter(x -> x.city().equals("安阳")).findFirst().orElseThrow();
            assertThat(c.direction()).isEqualTo("南");
            assertThat(c.leadHours()).isEqualTo(4);
            assertThat(c.bestR()).isGreaterThan(0.8);
            assertThat(c.lags()).hasSize(13);

            // (through the service: a token issued at today's time has expired by 2031)
            NeighbourAir.CityNow anyang = air.now().stream().filter(n -> n.city().equals("安阳")).findFirst().orElseThrow();
            assertThat(anyang.stations()).allSatisfy(s -> {
                assertThat(s.now()).isNotNull();
                assertThat(s.now().aqi()).as("a real-time AQI from PM2.5 alone, by HJ 633").isPositive();
            });
        } finally {
            jdbc.sql("DELETE FROM airquality_network_hour WHERE file_name = 'neighbours-test'").update();
            jdbc.sql("DELETE FROM airquality_area_hour WHERE hour_end > '2031-01-01'").update();
            clock.reset();
        }
    }
}
