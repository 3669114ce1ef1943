package org.lantian.platform.enterprises;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** An enterprise user reads the tickets about its own enterprise and answers them; it sees no other ticket. */
@PlatformTest
class EnterpriseTicketsTests extends ApiTest {

    @Autowired
    Whitelist whitelist;

    @Test
    void anEnterpriseReadsAndAnswersItsOwnTicketsOnly() {
        String plant = jdbc.sql("SELECT credit_code FROM enterprise WHERE name = '河北邯郸热电股份有限公司'").query(String.class).single();
        String other = jdbc.sql("SELECT credit_code FROM enterprise WHERE name = '河北兴华钢铁有限公司'").query(String.class).single();
        for (String[] user : new String[][] {{"ent-plant", plant, "130403"}, {"ent-steel", other, "130481"}}) {
            var created = as("city").post("/api/users", """
                    {"username": "%s", "displayName": "企业用户", "role": "ENTERPRISE", "countyCode": "%s", "enterpriseCode": "%s",
                     "password": "Lan-Tian-2026!", "reason": "测试"}""".formatted(user[0], user[2], user[1]));
            assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        }
        long entry = Api.json(as("city").post("/api/enterprises/" + plant + "/whitelist", "{\"reason\": \"测试\"}")).get("id").asLong();
        as("city").post("/api/enterprises/whitelist/" + entry + "/decision", "{\"include\": true}");
        jdbc.sql("UPDATE enterprise_whitelist SET next_recheck_due = current_date - 1 WHERE id = ?").param(entry).update();
        whitelist.remindDue();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "SELECT count(*) FROM alerts_ticket WHERE place_kind = 'ENTERPRISE' AND place_code = ?").param(plant).query(Integer.class).single() == 1);
        long ticket = jdbc.sql("SELECT id FROM alerts_ticket WHERE place_kind = 'ENTERPRISE' AND place_code = ?").param(plant)
                .query(Long.class).single();

        Api enterprise = as("ent-plant");
        JsonNode own = Api.json(enterprise.get("/api/alerts/tickets"));
        assertThat(own.toString()).contains("\"id\":" + ticket);
        own.forEach(t -> assertThat(t.get("placeCode").asString()).isIn(plant, "DEMO-STACK-01"));
        assertThat(enterprise.get("/api/alerts/tickets/" + ticket).getStatusCode().value()).isEqualTo(200);
        long anyOther = jdbc.sql("SELECT id FROM alerts_ticket WHERE place_kind <> 'ENTERPRISE' AND place_code IS DISTINCT FROM 'DEMO-STACK-01' LIMIT 1")
                .query(Long.class).single();
        assertThat(enterprise.get("/api/alerts/tickets/" + anyOther).getStatusCode().value()).isEqualTo(404);

        var replied = enterprise.post("/api/alerts/tickets/" + ticket + "/replies", "{\"note\": \"已完成自查，脱硫设施运行正常\"}");
        assertThat(replied.getStatusCode().value()).as(replied.getBody()).isEqualTo(200);
        assertThat(Api.json(as("congtai").get("/api/alerts/tickets/" + ticket + "/timeline")).toString()).contains("已完成自查");
        assertThat(enterprise.post("/api/alerts/tickets/" + ticket + "/receive", "{}").getStatusCode().value())
                .as("the county disposes of it, not the enterprise").isIn(403, 404, 405);

        assertThat(as("ent-steel").get("/api/alerts/tickets/" + ticket).getStatusCode().value()).isEqualTo(404);
        assertThat(as("ent-steel").post("/api/alerts/tickets/" + ticket + "/replies", "{\"note\": \"冒充\"}").getStatusCode().value()).isEqualTo(404);
        assertThat(as("congtai").post("/api/alerts/tickets/" + ticket + "/replies", "{\"note\": \"县里\"}").getStatusCode().value()).isEqualTo(403);
    }
}
