package org.lantian.platform.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import tools.jackson.databind.JsonNode;

/** Tickets are seen and worked only by those they belong to: by REST, by file, by live notification. */
class AlertsScopingTests extends ApiTest {

    long push(String county, String department) {
        var pushed = as("city").post("/api/alerts/tickets", """
                {"source":"MANUAL","title":"范围测试","detail":"—","countyCode":"%s","disposalMinutes":60%s}"""
                .formatted(county, department == null ? "" : ",\"department\":\"" + department + "\""));
        assertThat(pushed.getStatusCode().value()).as(pushed.getBody()).isEqualTo(200);
        return Api.json(pushed).get("id").asLong();
    }

    int status(org.springframework.http.ResponseEntity<String> response) {
        return response.getStatusCode().value();
    }

    @Test
    void aCountyNeitherSeesNorTouchesAnotherCountysTicket() {
        long congtais = push("130403", null);
        Api hanshan = as("hanshan");
        assertThat(status(hanshan.get("/api/alerts/tickets/" + congtais))).isEqualTo(404);
        assertThat(status(hanshan.get("/api/alerts/tickets/" + congtais + "/timeline"))).isEqualTo(404);
        assertThat(status(hanshan.get("/api/alerts/tickets/" + congtais + "/attachments"))).isEqualTo(404);
        assertThat(status(hanshan.post("/api/alerts/tickets/" + congtais + "/receive", "{}"))).isEqualTo(404);
        assertThat(status(hanshan.post("/api/alerts/tickets/" + congtais + "/report",
                "{\"causeCategory\":\"DUST\",\"measures\":\"x\"}"))).isEqualTo(404);
        assertThat(status(hanshan.upload("/api/alerts/tickets/" + congtais + "/attachments", "a.png", new byte[] {1}))).isEqualTo(404);
        JsonNode list = Api.json(hanshan.get("/api/alerts/tickets"));
        list.forEach(t -> assertThat(t.get("countyCode").asString()).isEqualTo("130402"));
        assertThat(Api.json(hanshan.get("/api/alerts/tickets?county=130403"))).isEmpty();
        push("130402", null);
        var assessment = hanshan.get("/api/alerts/assessment");
        assertThat(status(assessment)).as(assessment.getBody()).isEqualTo(200);
        assertThat(Api.json(assessment).findValuesAsString("unit")).containsOnly("130402");

        assertThat(status(as("congtai").post("/api/alerts/tickets/" + congtais + "/receive", "{\"note\":\"值班员已签收\"}"))).isEqualTo(200);
        assertThat(jdbc.sql("SELECT actor || '|' || county_code || '|' || reason FROM identity_audit_entry "
                + "WHERE action = 'alerts.ticket.received' AND target_id = ?").param(String.valueOf(congtais)).query(String.class).single())
                .isEqualTo("congtai|130403|值班员已签收");
    }

    @Test
    void onlyTheCityOfficeClosesReturnsOrChangesRulesAndCountiesDoNotPush() {
        long ticket = push("130402", null);
        Api hanshan = as("hanshan");
        assertThat(status(hanshan.post("/api/alerts/tickets/" + ticket + "/report", "{\"causeCategory\":\"DUST\",\"measures\":\"洒水\"}")))
                .isEqualTo(200);
        assertThat(status(hanshan.post("/api/alerts/tickets/" + ticket + "/close", "{}"))).isEqualTo(403);
        assertThat(status(hanshan.post("/api/alerts/tickets/" + ticket + "/return", "{\"note\":\"x\"}"))).isEqualTo(403);
        assertThat(status(as("viewer").post("/api/alerts/tickets/" + ticket + "/close", "{}"))).isEqualTo(403);
        assertThat(status(hanshan.post("/api/alerts/tickets", "{\"source\":\"MANUAL\",\"title\":\"x\",\"countyCode\":\"130402\",\"disposalMinutes\":5}")))
                .isEqualTo(403);
        assertThat(status(hanshan.put("/api/alerts/rules/PM25_HIGH", """
                {"rule":{"code":"PM25_HIGH","name":"改低阈值","kind":"STATION_VALUES","receiptMinutes":10,"disposalMinutes":600,"enabled":true,
                 "definition":{"match":"ALL","conditions":[{"type":"ABOVE","measure":"PM2_5","threshold":500}],"sustainHours":1,"effectHours":2}},
                 "reason":"x"}"""))).isEqualTo(403);
        assertThat(status(as("city").post("/api/alerts/tickets/" + ticket + "/close", "{\"waiveEvidence\":\"电话核实\"}"))).isEqualTo(200);
        assertThat(status(as("city").post("/api/alerts/tickets/" + ticket + "/close", "{\"waiveEvidence\":\"电话核实\"}"))).isEqualTo(409);
    }

    @Test
    void aDepartmentWorksTheTicketsOfItsOwnCauseOnly() {
        long ours = push("130481", "市生态环境局");
        long others = push("130481", "市住建局");
        Api department = as("sthjj");
        assertThat(status(department.post("/api/alerts/tickets/" + ours + "/receive", "{}"))).isEqualTo(200);
        assertThat(status(department.post("/api/alerts/tickets/" + others + "/receive", "{}"))).isEqualTo(403);
    }

    @Test
    void badInputIsNamed() {
        var noPoint = as("city").post("/api/alerts/tickets", "{\"source\":\"FIRE_POINT\",\"title\":\"火点\"}");
        assertThat(status(noPoint)).isEqualTo(400);
        assertThat(noPoint.getBody()).contains("未指定县（市、区）时需要填写经纬度");
        var outside = as("city").post("/api/alerts/tickets", "{\"source\":\"FIRE_POINT\",\"title\":\"火点\",\"lon\":116.4,\"lat\":39.9}");
        assertThat(outside.getBody()).contains("不在邯郸市任何县（市、区）境内");
        var rule = as("city").put("/api/alerts/rules/X1", """
                {"rule":{"code":"X1","name":"x","kind":"STATION_VALUES","receiptMinutes":10,"disposalMinutes":60,"enabled":true,
                 "definition":{"match":"ALL","conditions":[{"type":"RISE","measure":"PM2_5","threshold":50}],"sustainHours":1,"effectHours":2}},
                 "reason":"x"}""");
        assertThat(status(rule)).isEqualTo(400);
        assertThat(rule.getBody()).contains("conditions[0].threshold、.hours（1–24）：必填");
        long ticket = push("130402", null);
        var exe = as("city").upload("/api/alerts/tickets/" + ticket + "/attachments", "run.exe", new byte[] {'M', 'Z'});
        assertThat(status(exe)).isEqualTo(400);
        assertThat(exe.getBody()).contains("run.exe", "不是 JPEG、PNG、WebP 图片或 PDF 文档");
    }

    @Test
    void aRuleChangeIsANewVersionAndTheOldOneIsKept() {
        String body = """
                {"rule":{"code":"TEST_O3","name":"臭氧测试%s","kind":"STATION_VALUES","receiptMinutes":10,"disposalMinutes":60,"enabled":false,
                 "definition":{"match":"ANY","conditions":[{"type":"ABOVE","measure":"O3","threshold":%s}],"sustainHours":1,"effectHours":2}},
                 "reason":"测试"}""";
        assertThat(status(as("city").put("/api/alerts/rules/TEST_O3", body.formatted("一", "200")))).isEqualTo(200);
        assertThat(status(as("city").put("/api/alerts/rules/TEST_O3", body.formatted("二", "265")))).isEqualTo(200);
        JsonNode history = Api.json(as("city").get("/api/alerts/rules/TEST_O3"));
        assertThat(history.findValuesAsString("name")).containsExactly("臭氧测试二", "臭氧测试一");
        assertThat(history.get(0).get("retiredAt").isNull()).isTrue();
        assertThat(history.get(1).get("retiredAt").isNull()).isFalse();
    }

    /** Reads the names of the events a user's stream receives. */
    final class Listener implements AutoCloseable {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final Thread reader;
        final java.io.InputStream body;

        Listener(String username) throws Exception {
            this(username, null);
        }

        Listener(String username, Long lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/alerts/stream"))
                    .header("Authorization", "Bearer " + tokens.of(username)).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", String.valueOf(lastEventId));
            }
            HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            body = response.body();
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            reader.start();
        }

        boolean heard(long ticketId) {
            return lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains("\"ticketId\":" + ticketId + ","));
        }

        @Override
        public void close() throws Exception {
            body.close();
            reader.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    @Test
    void liveNotificationsReachOnlyTheOwnersAndTheCity() throws Exception {
        try (Listener hanshan = new Listener("hanshan"); Listener congtai = new Listener("congtai"); Listener city = new Listener("city")) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> hanshan.lines.contains("event:hello")
                    && congtai.lines.contains("event:hello") && city.lines.contains("event:hello"));
            long forCongtai = push("130403", null);
            long forHanshan = push("130402", null);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> hanshan.heard(forHanshan)
                    && congtai.heard(forCongtai) && city.heard(forCongtai) && city.heard(forHanshan));
            assertThat(hanshan.heard(forCongtai)).isFalse();
            assertThat(congtai.heard(forHanshan)).isFalse();
        }
    }

    @Test
    void aBrowserThatReconnectsGetsWhatItMissedAndOnlyThat() throws Exception {
        long before = jdbc.sql("SELECT coalesce(max(id), 0) FROM alerts_ticket_event").query(Long.class).single();
        long missed = push("130403", null);
        long notTheirs = push("130402", null);
        try (Listener congtai = new Listener("congtai", before)) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> congtai.heard(missed));
            assertThat(congtai.heard(notTheirs)).isFalse();
            assertThat(congtai.lines).contains("id:" + jdbc.sql("SELECT id FROM alerts_ticket_event WHERE ticket_id = ? AND action = 'pushed'")
                    .param(missed).query(Long.class).single());
        }
    }
}
