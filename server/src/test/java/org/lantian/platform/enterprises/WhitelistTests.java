package org.lantian.platform.enterprises;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The supervision whitelist: proposed, included, re-checked with a reminder in the county's inbox, removed; each step by whom may. */
@PlatformTest
class WhitelistTests extends ApiTest {

    @Autowired
    Whitelist whitelist;
    @Autowired
    java.time.Clock clock;

    private String register(int n, String name) {
        String code = EnterprisesTests.code(n);
        var created = as("city").post("/api/enterprises", """
                {"enterprise": {"creditCode": "%s", "name": "%s", "countyCode": "130481"}, "reason": "测试"}""".formatted(code, name));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        return code;
    }

    @Test
    void aCountyProposesTheCityIncludesAndADueRecheckReachesTheCountysInboxOnce() {
        String code = register(100, "白名单测试一有限公司");
        assertThat(as("hanshan").post("/api/enterprises/" + code + "/whitelist", "{\"reason\": \"越权推荐\"}").getStatusCode().value()).isEqualTo(404);
        var proposed = as("wuan").post("/api/enterprises/" + code + "/whitelist", "{\"reason\": \"治理水平高，连续两年无违法记录\"}");
        assertThat(proposed.getStatusCode().value()).as(proposed.getBody()).isEqualTo(201);
        long id = Api.json(proposed).get("id").asLong();
        assertThat(Api.json(proposed).get("state").asString()).isEqualTo("PROPOSED");
        assertThat(as("wuan").post("/api/enterprises/" + code + "/whitelist", "{\"reason\": \"再推荐\"}").getStatusCode().value())
                .as("one open record per enterprise").isEqualTo(409);

        assertThat(as("wuan").post("/api/enterprises/whitelist/" + id + "/decision", "{\"include\": true}").getStatusCode().value()).isEqualTo(403);
        int before = Api.json(as("city").get("/api/enterprises/whitelist/progress?year=2023")).get("included").asInt();
        JsonNode included = Api.json(as("city").post("/api/enterprises/whitelist/" + id + "/decision",
                "{\"include\": true, \"reason\": \"审核通过\", \"recheckEveryDays\": 30}"));
        assertThat(included.get("state").asString()).isEqualTo("INCLUDED");
        assertThat(included.get("nextRecheckDue").asString()).isEqualTo(LocalDate.now(clock).plusDays(30).toString());
        JsonNode progress = Api.json(as("city").get("/api/enterprises/whitelist/progress?year=2023"));
        assertThat(progress.get("included").asInt()).isEqualTo(before + 1);
        assertThat(progress.get("target").asInt()).isEqualTo(350);

        jdbc.sql("UPDATE enterprise_whitelist SET next_recheck_due = current_date - 1 WHERE id = ?").param(id).update();
        whitelist.remindDue();
        // the ticket is raised by alerts after the reminder commits, on its own thread
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> as("wuan")
                .get("/api/alerts/tickets?open=true").getBody().contains("白名单企业监督复核到期：白名单测试一有限公司"));
        whitelist.remindDue();
        org.awaitility.Awaitility.await().during(java.time.Duration.ofSeconds(2)).atMost(java.time.Duration.ofSeconds(5)).until(() ->
                jdbc.sql("SELECT count(*) FROM alerts_ticket WHERE place_kind = 'ENTERPRISE' AND place_code = ?").param(code)
                        .query(Integer.class).single() == 1);
        assertThat(jdbc.sql("SELECT count(*) FROM alerts_ticket WHERE place_kind = 'ENTERPRISE' AND place_code = ?").param(code)
                .query(Integer.class).single()).as("reminded once").isEqualTo(1);
        assertThat(as("hanshan").get("/api/alerts/tickets?open=true").getBody()).doesNotContain("白名单测试一有限公司");

        JsonNode rechecked = Api.json(as("wuan").post("/api/enterprises/whitelist/" + id + "/rechecks", "{\"passed\": true, \"note\": \"现场复核正常\"}"));
        assertThat(rechecked.get("nextRecheckDue").asString()).isEqualTo(LocalDate.now(clock).plusDays(30).toString());
        JsonNode failed = Api.json(as("wuan").post("/api/enterprises/whitelist/" + id + "/rechecks", "{\"passed\": false, \"note\": \"在线监测数据异常\"}"));
        assertThat(failed.get("state").asString()).isEqualTo("REMOVED");
        assertThat(failed.get("removalReason").asString()).contains("监督复核未通过", "在线监测数据异常");
    }

    @Test
    void aDepartmentProposesTheCityRejectsOrRemovesWithAReason() {
        String rejected = register(110, "白名单测试二有限公司");
        String removed = register(111, "白名单测试三有限公司");
        long a = Api.json(as("sthjj").post("/api/enterprises/" + rejected + "/whitelist", "{\"reason\": \"部门推荐\"}")).get("id").asLong();
        long b = Api.json(as("sthjj").post("/api/enterprises/" + removed + "/whitelist", "{\"reason\": \"部门推荐\"}")).get("id").asLong();
        assertThat(Api.json(as("city").post("/api/enterprises/whitelist/" + a + "/decision", "{\"include\": false}")).get("detail").asString())
                .contains("不予纳入时请填写原因");
        assertThat(Api.json(as("city").post("/api/enterprises/whitelist/" + a + "/decision", "{\"include\": false, \"reason\": \"有未整改问题\"}"))
                .get("state").asString()).isEqualTo("REJECTED");
        as("city").post("/api/enterprises/whitelist/" + b + "/decision", "{\"include\": true}");
        assertThat(as("wuan").post("/api/enterprises/whitelist/" + b + "/removal", "{\"reason\": \"县里移出\"}").getStatusCode().value()).isEqualTo(403);
        JsonNode out = Api.json(as("city").post("/api/enterprises/whitelist/" + b + "/removal", "{\"reason\": \"发生超标排放\"}"));
        assertThat(out.get("state").asString()).isEqualTo("REMOVED");
        assertThat(as("city").get("/api/enterprises/whitelist?state=REMOVED").getBody()).contains(removed);
        assertThat(jdbc.sql("SELECT count(*) FROM identity_audit_entry WHERE action LIKE 'enterprises.whitelist.%' AND target_id IN (?, ?)")
                .params(rejected, removed).query(Integer.class).single()).as("every step audited").isEqualTo(5);
    }
}
