package org.lantian.platform.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.PlatformTest;
import org.lantian.standards.BeijingTime;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Forecasts, the proposal and a warning's life through the API: scope, reasons, overlapping warnings, every step kept. */
@PlatformTest
class EmergencyTests extends ApiTest {

    @Autowired
    java.time.Clock clock;

    private String day(int plus) {
        return LocalDate.now(clock.withZone(BeijingTime.ZONE)).plusDays(plus).atStartOfDay(BeijingTime.ZONE).toInstant().toString();
    }

    private String period(int day, int low, int high) {
        return """
                {"start": "%s", "end": "%s", "aqiLow": %d, "aqiHigh": %d, "primaryPollutant": "PM2.5"}""".formatted(day(day), day(day + 1), low, high);
    }

    @Test
    void aForecastProposesALevelAndTheCityOfficeIssuesRaisesExtendsAndLiftsAWarning() {
        Instant issued = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1));
        // wrong forecasts are named by field
        var overlapping = as("city").post("/api/emergency/forecasts", """
                {"issuedAt": "%s", "periods": [%s, %s]}""".formatted(issued, period(1, 150, 210), period(1, 150, 210)));
        assertThat(Api.json(overlapping).get("detail").asString()).isEqualTo("periods[1]：时段与前一时段重叠");
        var badAqi = as("city").post("/api/emergency/forecasts", """
                {"issuedAt": "%s", "periods": [{"start": "%s", "end": "%s", "aqiLow": 300, "aqiHigh": 250}]}""".formatted(issued, day(1), day(2)));
        assertThat(Api.json(badAqi).get("detail").asString()).startsWith("periods[0]：AQI 范围应在 0–500 之间且下限不大于上限");
        assertThat(as("wuan").post("/api/emergency/forecasts", """
                {"issuedAt": "%s", "periods": [%s]}""".formatted(issued, period(1, 100, 120))).getStatusCode().value()).isEqualTo(403);

        var recorded = as("city").post("/api/emergency/forecasts", """
                {"issuedAt": "%s", "source": "市环境监控中心", "periods": [%s, %s, %s]}"""
                .formatted(issued, period(0, 160, 210), period(1, 230, 280), period(2, 180, 220)));
        assertThat(recorded.getStatusCode().value()).as(recorded.getBody()).isEqualTo(201);
        JsonNode proposal = Api.json(as("wuan").get("/api/emergency/proposal"));
        assertThat(proposal.get("ruleVersion").asString()).isEqualTo("RULES2024");
        assertThat(proposal.get("level").asString()).isEqualTo("ORANGE");
        assertThat(proposal.get("explanation").asString()).contains("AQI > 200 持续 72 小时", "建议发布橙色预警（Ⅱ级响应）");

        // issuing: the city office only, with a reason
        String body = """
                {"level": "YELLOW", "startsAt": "%s", "endsAt": "%s", "reason": %s}""";
        String starts = clock.instant().truncatedTo(ChronoUnit.HOURS).toString();
        assertThat(as("wuan").post("/api/emergency/warnings", body.formatted(starts, day(3), "\"会商\"")).getStatusCode().value()).isEqualTo(403);
        var noReason = as("city").post("/api/emergency/warnings", body.formatted(starts, day(3), "\" \""));
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(Api.json(noReason).get("detail").asString()).startsWith("reason：请填写依据").contains("不得仅为完成考核目标");
        var tooLong = as("city").post("/api/emergency/warnings", body.formatted(starts, day(20), "\"会商\""));
        assertThat(Api.json(tooLong).get("detail").asString()).startsWith("endsAt：一次发布或延长不超过 15 天");

        var issuedWarning = as("city").post("/api/emergency/warnings", body.formatted(starts, day(3), "\"12月会商：预计持续重度污染\""));
        assertThat(issuedWarning.getStatusCode().value()).as(issuedWarning.getBody()).isEqualTo(201);
        JsonNode w = Api.json(issuedWarning);
        long id = w.get("id").asLong();
        try {
            assertThat(w.get("ruleVersion").asString()).isEqualTo("RULES2024");
            assertThat(w.get("proposal").asString()).contains("建议发布橙色预警");
            assertThat(Api.json(as("wuan").get("/api/emergency/warnings/current")).get(0).get("id").asLong()).isEqualTo(id);
            var second = as("city").post("/api/emergency/warnings", """
                    {"level": "ORANGE", "counties": ["130481"], "startsAt": "%s", "endsAt": "%s", "reason": "会商"}""".formatted(starts, day(2)));
            assertThat(second.getStatusCode().value()).isEqualTo(409);
            assertThat(Api.json(second).get("detail").asString()).contains("已有黄色预警", "请调整其级别或延长");
            var unknownCounty = as("city").post("/api/emergency/warnings", """
                    {"level": "ORANGE", "counties": ["110101"], "startsAt": "%s", "endsAt": "%s", "reason": "会商"}""".formatted(starts, day(2)));
            assertThat(Api.json(unknownCounty).get("detail").asString()).isEqualTo("counties[0]：“110101”不是邯郸市的县级单位代码");

            JsonNode raised = Api.json(as("city").post("/api/emergency/warnings/" + id + "/level", "{\"level\": \"ORANGE\", \"reason\": \"预报上调\"}"));
            assertThat(raised.get("level").asString()).isEqualTo("ORANGE");
            var same = as("city").post("/api/emergency/warnings/" + id + "/level", "{\"level\": \"ORANGE\", \"reason\": \"x\"}");
            assertThat(Api.json(same).get("detail").asString()).startsWith("level：请选择与现在（橙色）不同的级别");
            var earlier = as("city").post("/api/emergency/warnings/" + id + "/extension", "{\"endsAt\": \"%s\", \"reason\": \"x\"}".formatted(day(2)));
            assertThat(Api.json(earlier).get("detail").asString()).startsWith("endsAt：延长后的结束时间应晚于");
            JsonNode extended = Api.json(as("city").post("/api/emergency/warnings/" + id + "/extension",
                    "{\"endsAt\": \"%s\", \"reason\": \"静稳天气持续\"}".formatted(day(4))));
            assertThat(extended.get("endsAt").asString()).isEqualTo(day(4));
            assertThat(as("wuan").post("/api/emergency/warnings/" + id + "/lifting", "{\"reason\": \"x\"}").getStatusCode().value()).isEqualTo(403);
        } finally {
            JsonNode lifted = Api.json(as("city").post("/api/emergency/warnings/" + id + "/lifting", "{\"reason\": \"冷空气过境，扩散条件转好\"}"));
            assertThat(lifted.get("liftedAt").isNull()).isFalse();
        }
        assertThat(Api.json(as("wuan").get("/api/emergency/warnings/current"))).isEmpty();
        JsonNode steps = Api.json(as("wuan").get("/api/emergency/warnings/" + id + "/events"));
        assertThat(steps).hasSize(4);
        assertThat(steps.toString()).contains("\"ISSUED\"", "\"RAISED\"", "\"EXTENDED\"", "\"LIFTED\"", "冷空气过境");
        assertThat(jdbc.sql("SELECT count(*) FROM identity_audit_entry WHERE action LIKE 'emergency.warning.%' AND target_id = ?").param(String.valueOf(id))
                .query(Integer.class).single()).isEqualTo(4);
        var again = as("city").post("/api/emergency/warnings/" + id + "/lifting", "{\"reason\": \"x\"}");
        assertThat(again.getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void aCountysWarningIsShownToThatCountyOnly() {
        String starts = clock.instant().truncatedTo(ChronoUnit.HOURS).toString();
        String ends = clock.instant().plus(Duration.ofDays(1)).toString();
        JsonNode w = Api.json(as("city").post("/api/emergency/warnings", """
                {"level": "YELLOW", "counties": ["130427"], "startsAt": "%s", "endsAt": "%s", "reason": "磁县局地污染"}""".formatted(starts, ends)));
        long id = w.get("id").asLong();
        try {
            assertThat(w.get("counties").toString()).isEqualTo("[\"130427\"]");
            assertThat(Api.json(as("wuan").get("/api/emergency/warnings/current")).toString()).doesNotContain("\"id\":" + id + ",");
            assertThat(Api.json(as("city").get("/api/emergency/warnings/current")).toString()).contains("\"id\":" + id + ",");
        } finally {
            as("city").post("/api/emergency/warnings/" + id + "/lifting", "{\"reason\": \"测试结束\"}");
        }
    }

    @Test
    void aForecastFileIsTakenWholeOrNotAtAllWithEveryWrongRowNamed() {
        String csv = "发布时间,日期,AQI下限,AQI上限,首要污染物\n"
                + "2026-11-30 16:00,2026-12-01,120,160,PM2.5\n"
                + "2026-11-30 16:00,2026-12-02,abc,160,PM2.5\n"
                + "2026-11-30 16:00,2026-12-03,150,600,PM2.5\n"
                + "2026-11-30 25:00,2026-12-04,150,160,PM2.5\n";
        JsonNode bad = Api.json(as("city").upload("/api/emergency/forecasts/workbook", "预报.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(bad.get("stored").asBoolean()).isFalse();
        assertThat(bad.get("errors").toString()).contains("\"line\":3,\"field\":\"AQI下限\"", "\"line\":4,\"field\":\"AQI上限\"",
                "\"line\":5,\"field\":\"发布时间\"");
        String good = "\uFEFF发布时间,日期,AQI下限,AQI上限,首要污染物\n2026-11-30 16:00,2026-12-01,120,160,PM2.5\n2026-11-30 16:00,2026-12-02,150,180,PM2.5\n";
        JsonNode stored = Api.json(as("city").upload("/api/emergency/forecasts/workbook", "预报.csv", good.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(stored.get("stored").asBoolean()).as(stored.toString()).isTrue();
        assertThat(stored.get("periods").asInt()).isEqualTo(2);
        JsonNode twice = Api.json(as("city").upload("/api/emergency/forecasts/workbook", "预报.csv", good.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(twice.get("errors").get(0).get("reason").asString()).contains("已录入");
    }

    @Test
    void thePastEpisodeOfTheDemoIsRecordedWithItsBreachesAndAPastWarningIsTheCityOfficesToRecord() {
        long past = jdbc.sql("SELECT id FROM emergency_warning WHERE proposal = '补录的历史预警' ORDER BY id LIMIT 1").query(Long.class).single();
        JsonNode evaluation = Api.json(as("city").get("/api/emergency/warnings/" + past + "/evaluation"));
        assertThat(evaluation.get("level").asString()).isEqualTo("ORANGE");
        assertThat(evaluation.get("hours").decimalValue()).isEqualByComparingTo("48");
        assertThat(evaluation.get("counties").size()).isEqualTo(20);
        JsonNode wuan = null;
        for (JsonNode c : evaluation.get("counties")) {
            if (c.get("countyCode").asString().equals("130481")) {
                wuan = c;
            }
        }
        int wuanPlants = jdbc.sql("SELECT count(*) FROM emergency_plant_measure WHERE current AND level = 'ORANGE' AND county_code = '130481'")
                .query(Integer.class).single();
        assertThat(wuan.get("plantsTold").asInt()).as("the archive's receipts: every plant on the list was told").isEqualTo(wuanPlants);
        assertThat(wuan.get("confirmed").asInt()).as("some never confirmed").isBetween(1, wuanPlants - 1);
        JsonNode congtai = null;
        for (JsonNode c : evaluation.get("counties")) {
            if (c.get("countyCode").asString().equals("130403")) {
                congtai = c;
            }
        }
        assertThat(congtai.get("cems").get("outlets").asInt()).as("the thermal plant's stack monitor").isEqualTo(1);
        assertThat(congtai.get("cems").get("achievedPercent").get("SO2").decimalValue()).as("at three fifths of its usual load, most hours")
                .isBetween(new java.math.BigDecimal("25"), new java.math.BigDecimal("45"));
        long receipts = past;
        var twice = as("city").post("/api/emergency/warnings/" + receipts + "/archived-receipts",
                "{\"receipts\": [{\"creditCode\": \"x\", \"sentAt\": \"2026-01-01T00:00:00Z\"}]}");
        assertThat(Api.json(twice).get("detail").asString()).contains("已有通知和回执记录");
        assertThat(wuan.get("plantsWithBreaches").asInt()).isEqualTo(2);
        assertThat(wuan.get("breachTickets").asInt()).as("two stopped lines running, a treatment facility off, a China IV truck").isEqualTo(4);
        assertThat(evaluation.get("days").get(0).get("forecastHigh").asInt()).isEqualTo(230);

        String body = """
                {"level": "YELLOW", "startsAt": "%s", "endsAt": "%s", "reason": "档案补录"}""";
        var future = as("city").post("/api/emergency/warnings/past", body.formatted(day(-3), day(1)));
        assertThat(Api.json(future).get("detail").asString()).startsWith("endsAt：补录的预警应已结束");
        assertThat(as("wuan").post("/api/emergency/warnings/past", body.formatted(day(-30), day(-29))).getStatusCode().value()).isEqualTo(403);
        var recorded = as("city").post("/api/emergency/warnings/past", body.formatted(day(-30), day(-29)));
        assertThat(recorded.getStatusCode().value()).as(recorded.getBody()).isEqualTo(201);
        assertThat(Api.json(recorded).get("ruleVersion").asString()).isEqualTo("RULES2024");
    }
}
