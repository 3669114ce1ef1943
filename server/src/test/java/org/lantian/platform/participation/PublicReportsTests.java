package org.lantian.platform.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.PlatformTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A report from the public: a push to the right county by its position, a code that reveals only the status, a rate that holds. */
@PlatformTest
class PublicReportsTests extends ApiTest {

    private static final byte[] PNG = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private org.springframework.http.ResponseEntity<String> submit(Map<String, String> fields, Map<String, byte[]> photos, String forwardedFor) {
        var parts = new LinkedMultiValueMap<String, Object>();
        fields.forEach(parts::add);
        photos.forEach((name, bytes) -> parts.add("photos", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        }));
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(s -> true, (rq, rs) -> { }).build()
                .post().uri("/api/public/reports").contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(String.class);
    }

    @Test
    void aReportWithAPositionBecomesAPushToItsCountyAndTheCodeRevealsOnlyTheStatus() {
        var sent = submit(Map.of("category", "DUST", "text", "工地渣土未覆盖，扬尘很大", "lon", "114.19", "lat", "36.70", "contact", "138****0000"),
                Map.of("现场.png", PNG), null);
        assertThat(sent.getStatusCode().value()).as(sent.getBody()).isEqualTo(201);
        JsonNode tracking = JsonMapper.builder().build().readTree(sent.getBody());
        String code = tracking.get("code").asString();
        assertThat(code).matches("[A-Z0-9]{10}");
        String publicView = RestClient.create("http://localhost:" + port).get().uri("/api/public/reports/" + code).retrieve().body(String.class);
        assertThat(publicView).contains("已收到").doesNotContain("工地渣土", "138", "114.19", "127.0.0.1");

        JsonNode queue = Api.json(as("city").get("/api/participation/reports?waiting=true"));
        JsonNode mine = null;
        for (JsonNode r : queue) {
            if (r.get("code").asString().equals(code)) {
                mine = r;
            }
        }
        assertThat(mine.get("contact").asString()).isEqualTo("138****0000");
        assertThat(mine.get("photos").asInt()).isEqualTo(1);
        assertThat(as("wuan").get("/api/participation/reports").getStatusCode().value()).as("the reporter's data are the office's").isEqualTo(403);
        JsonNode ticket = Api.json(as("city").post("/api/participation/reports/" + mine.get("id").asLong() + "/push", "{}"));
        assertThat(ticket.has("countyCode")).as(ticket.toString()).isTrue();
        assertThat(ticket.get("countyCode").asString()).as("武安 owns the place").isEqualTo("130481");
        assertThat(Api.json(as("wuan").get("/api/alerts/tickets/" + ticket.get("id").asLong() + "/attachments"))).hasSize(1);
        assertThat(RestClient.create("http://localhost:" + port).get().uri("/api/public/reports/" + code).retrieve().body(String.class))
                .contains("已转属地处置");
        var fake = submit(Map.of("category", "DUST", "text", "照片"), Map.of("x.png", "<svg onload=alert(1)>".getBytes()), null);
        assertThat(fake.getStatusCode().value()).isEqualTo(400);
        assertThat(fake.getBody()).contains("不是照片");
        assertThat(RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(s -> true, (rq, rs) -> { }).build()
                .get().uri("/api/public/reports/AAAAAAAAAA").retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aFloodFromOneAddressIsHeldAtItsRate() {
        int earlier = jdbc.sql("SELECT count(*) FROM participation_report WHERE remote = '127.0.0.1' AND received_at > now() - interval '1 hour'")
                .query(Integer.class).single();   // what other tests sent from loopback counts against the same hour
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 20; i++) {
            var r = submit(Map.of("category", "SUGGESTION", "text", "建议增加洒水 " + i), Map.of(), null);
            if (r.getStatusCode().value() == 201) {
                accepted++;
            } else {
                assertThat(r.getStatusCode().value()).isEqualTo(429);
                refused++;
            }
        }
        assertThat(accepted).as("5 an hour from one address").isEqualTo(Math.max(0, 5 - earlier));
        assertThat(accepted + refused).isEqualTo(20);
    }
}
