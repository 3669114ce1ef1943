package org.lantian.platform.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.PlatformTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * A report from the phone in the field: its position recorded beside the report with its distance from the
 * place, and the phone's key making a second send of the same report (a lost answer, the outbox retrying, two
 * tabs at once) the same report, stored once with its photos once.
 */
@PlatformTest
class FieldReportsTests extends ApiTest {

    private static final byte[] PNG = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    private static final String QIUXIAN = "130430";

    @BeforeEach
    void fieldUser() {
        if (jdbc.sql("SELECT count(*) FROM identity_user WHERE username = 'qiuxian-field'").query(Integer.class).single() == 0) {
            var created = as("city").post("/api/users", """
                    {"username": "qiuxian-field", "displayName": "邱县网格员", "role": "COUNTY", "countyCode": "%s",
                     "password": "Qiu-Xian-2026!", "reason": "移动端测试"}""".formatted(QIUXIAN));
            assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        }
    }

    private long push(String title) {
        return Api.json(as("city").post("/api/alerts/tickets", """
                {"source":"MANUAL","title":"%s","detail":"移动端测试","countyCode":"%s","lon":115.1700,"lat":36.8100,"disposalMinutes":120}"""
                .formatted(title, QIUXIAN))).get("id").asLong();
    }

    private int send(long ticket, String reportJson) {
        var parts = new LinkedMultiValueMap<String, Object>();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        parts.add("report", new HttpEntity<>(reportJson, json));
        parts.add("photos", new ByteArrayResource(PNG) {
            @Override
            public String getFilename() {
                return "现场.png";
            }
        });
        return RestClient.create("http://localhost:" + port).post().uri("/api/alerts/tickets/" + ticket + "/report")
                .header("Authorization", "Bearer " + tokens.of("qiuxian-field"))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((request, response) -> response.getStatusCode().value());
    }

    private static String report(String key, String position) {
        return """
                {"causeCategory":"BURNING","measures":"明火已扑灭，灰烬已清运","responders":"香城固镇网格员","position":%s,"clientKey":"%s"}"""
                .formatted(position, key);
    }

    private int reports(long ticket) {
        return jdbc.sql("SELECT count(*) FROM alerts_ticket_event WHERE ticket_id = ? AND action = 'reported'").param(ticket)
                .query(Integer.class).single();
    }

    private int photos(long ticket) {
        return jdbc.sql("SELECT count(*) FROM alerts_attachment WHERE ticket_id = ?").param(ticket).query(Integer.class).single();
    }

    @Test
    void theReportKeepsWhereThePhoneWasAndASecondSendIsTheSameReport() {
        long ticket = push("秸秆焚烧（移动端）");
        String key = "6f1c2a9e-0d4b-4f7a-9c51-1a2b3c4d5e6f";
        String sent = report(key, "{\"lon\":115.1790,\"lat\":36.8100,\"accuracyMetres\":12}");
        assertThat(send(ticket, sent)).isEqualTo(200);
        assertThat(send(ticket, sent)).as("the outbox sending again after a lost answer").isEqualTo(200);

        assertThat(reports(ticket)).isEqualTo(1);
        assertThat(photos(ticket)).as("the photos of the second send are not stored again").isEqualTo(1);
        var timeline = Api.json(as("city").get("/api/alerts/tickets/" + ticket + "/timeline"));
        String note = timeline.get(timeline.size() - 1).get("note").asString();
        // 0.009° of longitude at 36.81° N is 0.009 × 111.195 km × cos 36.81° = 801 m
        assertThat(note).contains("现场定位 115.179000, 36.810000，精度 ±12 米，距点位 801 米");
        var stored = jdbc.sql("SELECT lon, lat, accuracy_m, client_key FROM alerts_ticket_event WHERE ticket_id = ? AND action = 'reported'")
                .param(ticket).query((rs, n) -> List.of(rs.getBigDecimal(1).toPlainString(), rs.getBigDecimal(2).toPlainString(),
                        rs.getInt(3), rs.getString(4))).single();
        assertThat(stored).containsExactly("115.179000", "36.810000", 12, key);
        assertThat(Api.json(as("city").get("/api/alerts/tickets/" + ticket)).get("state").asString()).isEqualTo("REPORTED");

        long other = push("另一工单（移动端）");
        assertThat(send(other, sent)).as("one key is one report, of one ticket").isEqualTo(409);
        assertThat(reports(other)).isZero();
    }

    @Test
    void sendsOfOneReportAtOnceStoreItOnce() throws Exception {
        long ticket = push("同时重发（移动端）");
        String sent = report("2b7e1516-28ae-4d2a-a6f7-15880940abcd", "null");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> sends = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                sends.add(() -> send(ticket, sent));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(sends)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200);
        } finally {
            pool.shutdown();
        }
        assertThat(reports(ticket)).isEqualTo(1);
        assertThat(photos(ticket)).isEqualTo(1);
    }

    @Test
    void aBadKeyOrPositionIsNamed() {
        long ticket = push("错误输入（移动端）");
        var city = as("city");
        assertThat(Api.json(postJson(ticket, report("short", "null"))).get("detail").asString()).startsWith("clientKey");
        assertThat(Api.json(postJson(ticket, report("9a8b7c6d-5e4f", "{\"lon\":115.17,\"lat\":95}"))).get("detail").asString())
                .contains("position").contains("95");
        assertThat(Api.json(postJson(ticket, report("9a8b7c6d-5e4f", "{\"lon\":115.17}"))).get("detail").asString())
                .contains("position");
        assertThat(reports(ticket)).isZero();
        assertThat(city.get("/api/alerts/tickets/" + ticket).getStatusCode().value()).isEqualTo(200);
    }

    private org.springframework.http.ResponseEntity<String> postJson(long ticket, String json) {
        return new Api(port, tokens.of("qiuxian-field")).post("/api/alerts/tickets/" + ticket + "/report", json);
    }
}
