package org.lantian.platform.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.gateway.DeviceEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The gateway's device events become tickets of the device's county, with the rule's department. */
class DeviceAlertsTests extends ApiTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    JsonNode ticketsOf(String mn) {
        JsonNode all = Api.json(as("city").get("/api/alerts/tickets?limit=1000"));
        java.util.List<JsonNode> out = new java.util.ArrayList<>();
        all.forEach(t -> {
            if (mn.equals(t.get("placeCode").asString())) {
                out.add(t);
            }
        });
        return tools.jackson.databind.json.JsonMapper.builder().build().valueToTree(out);
    }

    @Test
    void anExceedanceOfTheSameOutletMergesAndIsTheDepartmentsToo() {
        Instant hour = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        transactions.executeWithoutResult(s -> events.publishEvent(new DeviceEvents.EmissionExceeded("DEVALERT01", "130481", "DA001", "a21026",
                hour, new BigDecimal("52.5"), new BigDecimal("35"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> ticketsOf("DEVALERT01").size() == 1);
        transactions.executeWithoutResult(s -> events.publishEvent(new DeviceEvents.EmissionExceeded("DEVALERT01", "130481", "DA001", "a21026",
                hour.plus(Duration.ofHours(1)), new BigDecimal("61"), new BigDecimal("35"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> ticketsOf("DEVALERT01").get(0).get("triggers").asInt() == 2);
        JsonNode ticket = ticketsOf("DEVALERT01").get(0);
        assertThat(ticket.get("countyCode").asString()).isEqualTo("130481");
        assertThat(ticket.get("department").asString()).isEqualTo("市生态环境局");
        assertThat(ticket.get("peakValue").decimalValue()).isEqualByComparingTo("61");
        assertThat(ticket.get("detail").asString()).contains("DA001", "二氧化硫", "52.5", "限值 35").doesNotContain("a21026");
        assertThat(as("sthjj").post("/api/alerts/tickets/" + ticket.get("id").asLong() + "/receive", "{}").getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void aDeviceThatWentOfflineIsPushedOnce() {
        transactions.executeWithoutResult(s -> events.publishEvent(new DeviceEvents.DeviceWentOffline("DEVALERT02", "130402",
                Instant.now().minus(Duration.ofHours(3)))));
        await().atMost(Duration.ofSeconds(10)).until(() -> ticketsOf("DEVALERT02").size() == 1);
        assertThat(ticketsOf("DEVALERT02").get(0).get("title").asString()).startsWith("在线监测设备离线");
        assertThat(Api.json(as("congtai").get("/api/alerts/tickets/" + ticketsOf("DEVALERT02").get(0).get("id").asLong()))
                .get("status").asInt()).isEqualTo(404);
    }
}
