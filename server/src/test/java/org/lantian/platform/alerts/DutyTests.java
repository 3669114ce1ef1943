package org.lantian.platform.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import tools.jackson.databind.JsonNode;

/** The duty roster, handovers and instructions: each unit keeps its own and reads what is addressed to it. */
class DutyTests extends ApiTest {

    int status(org.springframework.http.ResponseEntity<String> response) {
        return response.getStatusCode().value();
    }

    @Test
    void eachUnitKeepsItsOwnRosterAndTheCityOfficeKeepsAny() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        assertThat(status(as("hanshan").put("/api/alerts/duty/130402/" + day,
                "{\"person\":\"王五\",\"phone\":\"0310-1234567\",\"leader\":\"赵副区长\"}"))).isEqualTo(200);
        assertThat(status(as("hanshan").put("/api/alerts/duty/130403/" + day, "{\"person\":\"冒名\"}"))).isEqualTo(403);
        assertThat(status(as("city").put("/api/alerts/duty/130403/" + day, "{\"person\":\"钱六\"}"))).isEqualTo(200);
        assertThat(status(as("city").put("/api/alerts/duty/130400/" + day, "{\"person\":\"市大气办值班员\"}"))).isEqualTo(200);
        assertThat(status(as("sthjj").put("/api/alerts/duty/市生态环境局/" + day, "{\"person\":\"孙七\"}"))).isEqualTo(200);

        JsonNode hanshanSees = Api.json(as("hanshan").get("/api/alerts/duty?from=" + day + "&to=" + day));
        assertThat(hanshanSees.findValuesAsString("unit")).containsExactlyInAnyOrder("130400", "130402");
        JsonNode citySees = Api.json(as("city").get("/api/alerts/duty?from=" + day + "&to=" + day));
        assertThat(citySees.findValuesAsString("person")).contains("王五", "钱六", "孙七", "市大气办值班员");

        assertThat(status(as("hanshan").post("/api/alerts/handovers",
                "{\"unit\":\"130402\",\"fromPerson\":\"王五\",\"toPerson\":\"李八\",\"note\":\"#12 工单待反馈\"}"))).isEqualTo(200);
        assertThat(status(as("congtai").post("/api/alerts/handovers",
                "{\"unit\":\"130402\",\"fromPerson\":\"x\",\"toPerson\":\"y\"}"))).isEqualTo(403);
        assertThat(Api.json(as("congtai").get("/api/alerts/handovers")).findValuesAsString("unit")).doesNotContain("130402");
    }

    @Test
    void anInstructionIsReadAndRepliedToByTheUnitsItWasSentTo() {
        Instant due = Instant.now().plus(2, ChronoUnit.HOURS);
        JsonNode issued = Api.json(as("city").post("/api/alerts/instructions", """
                {"title":"启动橙色预警响应","body":"各县区即刻落实Ⅱ级响应措施，18 时前反馈","units":["130402","市生态环境局"],"dueAt":"%s",
                 "reason":"重污染过程"}""".formatted(due)));
        long id = issued.get("id").asLong();
        assertThat(issued.get("units").asInt()).isEqualTo(2);
        assertThat(status(as("hanshan").post("/api/alerts/instructions", "{\"title\":\"x\",\"body\":\"y\",\"units\":[\"130403\"]}")))
                .isEqualTo(403);

        assertThat(status(as("congtai").get("/api/alerts/instructions/" + id))).isEqualTo(404);
        assertThat(Api.json(as("congtai").get("/api/alerts/instructions")).findValuesAsString("title")).doesNotContain("启动橙色预警响应");
        assertThat(status(as("congtai").post("/api/alerts/instructions/" + id + "/reply", "{\"reply\":\"x\"}"))).isEqualTo(404);

        // reading records nothing; the receipt is an explicit confirmation
        assertThat(Api.json(as("hanshan").get("/api/alerts/instructions/" + id)).get("read").asInt()).isZero();
        assertThat(status(as("congtai").post("/api/alerts/instructions/" + id + "/read", "{}"))).isEqualTo(404);
        assertThat(Api.json(as("hanshan").post("/api/alerts/instructions/" + id + "/read", "{}")).get("read").asInt()).isEqualTo(1);
        assertThat(Api.json(as("hanshan").post("/api/alerts/instructions/" + id + "/read", "{}")).get("read").asInt()).isEqualTo(1);
        JsonNode reply = Api.json(as("sthjj").post("/api/alerts/instructions/" + id + "/reply", "{\"reply\":\"已部署执法检查\"}"));
        assertThat(reply.get("unit").asString()).isEqualTo("市生态环境局");
        assertThat(reply.get("readAt").isNull()).isFalse();

        JsonNode receipts = Api.json(as("city").get("/api/alerts/instructions/" + id + "/receipts"));
        assertThat(receipts).hasSize(2);
        JsonNode hanshanReceipt = Api.json(as("hanshan").get("/api/alerts/instructions/" + id + "/receipts"));
        assertThat(hanshanReceipt).singleElement().satisfies(r -> {
            assertThat(r.get("unit").asString()).isEqualTo("130402");
            assertThat(r.get("readBy").asString()).isEqualTo("hanshan");
            assertThat(r.get("reply").isNull()).isTrue();
        });
    }

    @Test
    void anInstructionNeedsItsUnitsAndAFutureDeadline() {
        var none = as("city").post("/api/alerts/instructions", "{\"title\":\"x\",\"body\":\"y\",\"units\":[]}");
        assertThat(status(none)).isEqualTo(400);
        assertThat(none.getBody()).contains("至少选择一个单位");
        var past = as("city").post("/api/alerts/instructions", "{\"title\":\"x\",\"body\":\"y\",\"units\":[\"130402\"],\"dueAt\":\"2020-01-01T00:00:00Z\"}");
        assertThat(past.getBody()).contains("已过");
    }
}
