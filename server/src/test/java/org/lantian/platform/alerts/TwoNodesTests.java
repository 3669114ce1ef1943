package org.lantian.platform.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lantian.platform.Api;
import org.lantian.platform.LantianApplication;
import org.lantian.platform.MutableClock;
import org.lantian.platform.PlatformTest;
import org.lantian.platform.gateway.GatewayServer;
import org.lantian.platform.identity.TestTokens;
import org.lantian.standards.hj212.Hj212Encoder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two platform nodes on one PostgreSQL, as behind a load balancer: a push on one reaches a browser's event
 * stream on the other, a cached answer changes on both, an escalation due on both fires once, a command
 * queued on one goes down to a device connected to the other. The database is the one named by
 * {@code LANTIAN_TEST_DB_URL} (CI starts Debian's PostgreSQL for it), or else node A's embedded one, which
 * node B uses as its external server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesTests {

    private static final String ADMIN_PASSWORD = "Two-Nodes-Office-2026!";

    ConfigurableApplicationContext a;
    ConfigurableApplicationContext b;

    private static ConfigurableApplicationContext node(String name, Map<String, Object> database) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "server.port", 0, "lantian.gateway.port", 0, "lantian.demo.enabled", false,
                "lantian.security.admin-password", ADMIN_PASSWORD, "lantian.sessions", "jdbc", "spring.application.name", "lantian-" + name,
                "lantian.db.embedded.data-dir", "target/two-nodes-postgres", "lantian.db.embedded.clean-on-start", true));
        properties.putAll(database);
        // as arguments: they outrank the test profile's settings, as a node's own configuration would
        return new SpringApplicationBuilder(LantianApplication.class, PlatformTest.TestBeans.class).profiles("test")
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    @BeforeAll
    void startTwoNodes() {
        String url = System.getenv("LANTIAN_TEST_DB_URL");
        Map<String, Object> external = url == null || url.isBlank() ? Map.of() : Map.of("lantian.db.url", url,
                "lantian.db.username", System.getenv().getOrDefault("LANTIAN_TEST_DB_USER", "lantian"),
                "lantian.db.password", System.getenv().getOrDefault("LANTIAN_TEST_DB_PASSWORD", ""));
        a = node("a", external);
        if (external.isEmpty()) {
            HikariDataSource ds = a.getBean(HikariDataSource.class);
            external = Map.of("lantian.db.url", ds.getJdbcUrl(), "lantian.db.username", ds.getUsername(), "lantian.db.password", ds.getPassword());
        }
        b = node("b", external);
    }

    @AfterAll
    void stopNodes() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static Api api(ConfigurableApplicationContext node) {
        return new Api(port(node), node.getBean(TestTokens.class).of("admin"));
    }

    @Test
    void aPushOnOneNodeReachesABrowserOnTheOther() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> stream = client.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port(b) + "/api/alerts/stream"))
                        .header("Authorization", "Bearer " + b.getBean(TestTokens.class).of("admin")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(r -> r.body().forEach(lines::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.contains("hello")));

        long id = Api.json(api(a).post("/api/alerts/tickets", """
                {"source":"MANUAL","title":"两节点测试推送","detail":"节点 A","countyCode":"130423","disposalMinutes":60}""")).get("id").asLong();
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream().anyMatch(l -> l.contains("\"ticketId\":" + id)));
        stream.cancel(true);
    }

    @Test
    void aBrowserSignedInOnOneNodeIsSignedInOnTheOther() throws Exception {
        java.net.CookieManager cookies = new java.net.CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(a) + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String csrf = login.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(a) + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + ADMIN_PASSWORD + "&_csrf=" + csrf)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location").orElse("")).as("signed in on A").doesNotContain("error");
        // the same cookie on node B, as a load balancer without sticky sessions would send it
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(b) + "/alerts")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.headers().toString()).isEqualTo(200);
        assertThat(page.body()).contains("系统管理员");
    }

    @Test
    void passwordsGuessedOnOneNodeCountOnTheOther() throws Exception {
        HttpClient guesser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        for (int i = 0; i < 5; i++) {
            String login = guesser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(a) + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String csrf = login.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
            guesser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(a) + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=guessed-two-nodes&password=wrong-" + i + "&_csrf=" + csrf)).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        assertThat(a.getBean(org.lantian.platform.identity.LoginThrottle.class).blocked("127.0.0.1", "guessed-two-nodes")).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() ->
                b.getBean(org.lantian.platform.identity.LoginThrottle.class).blocked("127.0.0.1", "guessed-two-nodes"));
    }

    @Test
    void aCachedAnswerChangesOnBothNodes() {
        String path = "/api/airquality/targets/2031/130400";
        api(a).put(path, "{\"pm25\": 40, \"compositeIndex\": 5.1, \"goodDayRatio\": 60, \"heavyDaysCap\": 12, \"reason\": \"初值\"}");
        assertThat(api(a).get(path).getBody()).contains("40");
        assertThat(api(b).get(path).getBody()).contains("40"); // cached on B now
        api(a).put(path, "{\"pm25\": 38.5, \"compositeIndex\": 5.1, \"goodDayRatio\": 60, \"heavyDaysCap\": 12, \"reason\": \"调整\"}");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(api(b).get(path).getBody()).contains("38.5"));
        assertThat(api(a).get(path).getBody()).contains("38.5");
    }

    @Test
    void anEscalationDueOnBothNodesFiresOnce() throws Exception {
        long id = Api.json(api(a).post("/api/alerts/tickets", """
                {"source":"MANUAL","title":"两节点签收超时","detail":"x","countyCode":"130431","disposalMinutes":5}""")).get("id").asLong();
        a.getBean(MutableClock.class).advance(Duration.ofMinutes(6));
        b.getBean(MutableClock.class).advance(Duration.ofMinutes(6));
        try {
            CompletableFuture<Void> onA = CompletableFuture.runAsync(() -> a.getBean(Deadlines.class).run());
            CompletableFuture<Void> onB = CompletableFuture.runAsync(() -> b.getBean(Deadlines.class).run());
            CompletableFuture.allOf(onA, onB).get();
            a.getBean(Deadlines.class).run();
            b.getBean(Deadlines.class).run();
        } finally {
            a.getBean(MutableClock.class).reset();
            b.getBean(MutableClock.class).reset();
        }
        JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts_ticket_event WHERE ticket_id = ? AND action = 'receipt-overdue'",
                Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts_ticket_event WHERE ticket_id = ? AND action = 'disposal-overdue'",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void aCommandQueuedOnOneNodeGoesDownToTheDeviceOnTheOther() throws Exception {
        assertThat(api(a).put("/api/gateway/devices/TWONODE01", """
                {"device": {"mn": "TWONODE01", "name": "两节点排口", "kind": "STACK", "protocol": "V2017", "st": "31",
                 "password": "654321", "countyCode": "130433"}, "reason": "test"}""").getStatusCode().value()).isEqualTo(200);
        try (Socket device = new Socket("127.0.0.1", b.getBean(GatewayServer.class).port())) {
            device.setSoTimeout(5_000);
            OutputStream out = device.getOutputStream();
            InputStream in = device.getInputStream();
            out.write(Hj212Encoder.frame("QN=20250305100000001;ST=31;CN=2061;PW=654321;MN=TWONODE01;Flag=5;CP=&&DataTime=20250305100000;"
                    + "a21026-Avg=30,a21026-ZsAvg=20,a21026-Flag=N;a21002-Avg=40,a21002-ZsAvg=45,a21002-Flag=N;"
                    + "a34013-Avg=5,a34013-ZsAvg=6,a34013-Flag=N;a19001-Avg=10.5;a00000-Avg=120.5,a00000-Cou=433800&&"));
            out.flush();
            assertThat(line(in)).as(() -> api(b).get("/api/gateway/devices/TWONODE01/rejections").getBody())
                    .contains("CN=9014");   // B stored it and answered: B holds the connection

            var queued = api(a).post("/api/gateway/devices/TWONODE01/commands",
                    "{\"cn\": \"1062\", \"parameters\": {\"RtdInterval\": \"60\"}, \"reason\": \"两节点测试\"}");
            assertThat(queued.getStatusCode().value()).as(queued.getBody()).isBetween(200, 201);
            assertThat(line(in)).as("sent by B at once, not after the device's next packet")
                    .contains("CN=1062;PW=654321;MN=TWONODE01").contains("RtdInterval=60");
        }
    }

    private static String line(InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = readOrTimeOut(in)) >= 0) {
            line.append((char) c);
            if (c == '\n') {
                break;
            }
        }
        return line.toString();
    }

    private static int readOrTimeOut(InputStream in) throws java.io.IOException {
        try {
            return in.read();
        } catch (java.net.SocketTimeoutException nothingCame) {
            return -1;
        }
    }
}
