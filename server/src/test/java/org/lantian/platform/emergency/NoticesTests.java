package org.lantian.platform.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.MutableClock;
import org.lantian.platform.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A warning's notices: the county's instruction, each plant's measure with its receipt, the escalation of those who did not confirm. */
@PlatformTest
class NoticesTests extends ApiTest {

    @Autowired
    MutableClock clock;
    @Autowired
    Notices notices;

    private static java.util.List<JsonNode> ofWarning(Api enterprise, long warning) {
        java.util.List<JsonNode> notices = new java.util.ArrayList<>();
        Api.json(enterprise.get("/api/emergency/notices")).forEach(n -> {
            if (n.get("warningId").asLong() == warning) {
                notices.add(n);
            }
        });
        return notices;
    }

    @Test
    void eachPlantOfTheAreaIsToldItsMeasureConfirmsAndTheLateAreNamedToTheirCounty() {
        String plant = jdbc.sql("SELECT credit_code FROM emergency_plant_measure WHERE current AND level = 'ORANGE' AND county_code = '130481' "
                + "ORDER BY credit_code LIMIT 1").query(String.class).single();
        String elsewhere = jdbc.sql("SELECT credit_code FROM emergency_plant_measure WHERE current AND level = 'ORANGE' AND county_code = '130402' "
                + "ORDER BY credit_code LIMIT 1").query(String.class).single();
        for (String[] u : new String[][] {{"ent-notice-a", plant, "130481"}, {"ent-notice-b", elsewhere, "130402"}}) {
            var created = as("city").post("/api/users", """
                    {"username": "%s", "displayName": "企业", "role": "ENTERPRISE", "countyCode": "%s", "enterpriseCode": "%s",
                     "password": "Lan-Tian-2026!", "reason": "测试"}""".formatted(u[0], u[2], u[1]));
            assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        }
        String starts = clock.instant().minusSeconds(60).toString();
        String ends = clock.instant().plus(Duration.ofDays(1)).toString();
        long id = Api.json(as("city").post("/api/emergency/warnings", """
                {"level": "ORANGE", "counties": ["130481"], "startsAt": "%s", "endsAt": "%s", "reason": "武安局地重污染"}""".formatted(starts, ends)))
                .get("id").asLong();
        try {
            JsonNode instructions = Api.json(as("wuan").get("/api/alerts/instructions"));
            assertThat(instructions.get(0).get("title").asString()).isEqualTo("橙色预警（Ⅱ级响应） 发布：武安市");
            int plants = jdbc.sql("SELECT count(*) FROM emergency_plant_measure WHERE current AND level = 'ORANGE' AND county_code = '130481'")
                    .query(Integer.class).single();
            assertThat(instructions.get(0).get("body").asString()).contains("本县 " + plants + " 家企业");

            java.util.List<JsonNode> mine = ofWarning(as("ent-notice-a"), id);   // other tests' warnings told this plant too
            assertThat(mine).hasSize(1);
            String measure = jdbc.sql("SELECT text FROM emergency_plant_measure WHERE current AND level = 'ORANGE' AND credit_code = ?")
                    .param(plant).query(String.class).single();
            assertThat(mine.get(0).get("measure").asString()).isEqualTo(measure);
            assertThat(ofWarning(as("ent-notice-b"), id)).isEmpty();
            long notice = mine.get(0).get("id").asLong();
            assertThat(as("ent-notice-b").post("/api/emergency/notices/" + notice + "/confirmation", "{}").getStatusCode().value()).isEqualTo(404);
            assertThat(as("wuan").post("/api/emergency/notices/" + notice + "/confirmation", "{}").getStatusCode().value()).isEqualTo(403);

            JsonNode receipts = Api.json(as("city").get("/api/emergency/warnings/" + id + "/receipts"));
            assertThat(receipts).hasSize(1);
            assertThat(receipts.get(0).get("plants").asInt()).isEqualTo(plants);
            assertThat(receipts.get(0).get("read").asInt()).isEqualTo(1);
            assertThat(receipts.get(0).get("confirmed").asInt()).isZero();
            JsonNode confirmed = Api.json(as("ent-notice-a").post("/api/emergency/notices/" + notice + "/confirmation", "{}"));
            assertThat(confirmed.get("confirmedBy").asString()).isEqualTo("ent-notice-a");
            assertThat(Api.json(as("wuan").get("/api/emergency/warnings/" + id + "/receipts")).get(0).get("confirmed").asInt()).isEqualTo(1);

            clock.advance(Duration.ofHours(3));
            notices.escalate();
            notices.escalate();
            JsonNode late = Api.json(as("wuan").get("/api/alerts/instructions"));
            assertThat(late.get(0).get("title").asString()).isEqualTo("应急减排通知未确认：" + (plants - 1) + " 家企业");
            assertThat(late.get(1).get("title").asString()).as("escalated once").startsWith("橙色预警");
            assertThat(late.get(0).get("body").asString()).doesNotContain(plant);
            assertThat(Api.json(as("city").get("/api/emergency/warnings/" + id + "/receipts")).get(0).get("overdue").asInt()).isEqualTo(plants - 1);
        } finally {
            clock.reset();   // lifted now, not three hours on (other tests issue warnings over the same county)
            as("city").post("/api/emergency/warnings/" + id + "/lifting", "{\"reason\": \"测试结束\"}");
        }
        java.util.List<String> titles = new java.util.ArrayList<>();
        Api.json(as("wuan").get("/api/alerts/instructions")).forEach(i -> titles.add(i.get("title").asString()));
        assertThat(titles).contains("橙色预警（Ⅱ级响应） 解除：武安市");
    }
}
