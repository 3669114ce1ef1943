package org.lantian.platform.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.PlatformTest;
import tools.jackson.databind.JsonNode;

/** During a warning: a stopped line that draws power, a treatment facility off while its line runs, a banned truck at the gate: each a ticket to the county. */
@PlatformTest
class ComplianceTests extends ApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    java.time.Clock clock;

    private JsonNode tickets(String plant) {
        return Api.json(as("wuan").get("/api/alerts/tickets?source=EMERGENCY"));
    }

    @Test
    void breachesOfThePlantsMeasureBecomeTicketsToItsCountyAndNothingElseDoes() {
        // a 武安 plant whose orange measure stops every line
        String plant = jdbc.sql("""
                        SELECT m.credit_code FROM emergency_plant_measure m
                         WHERE m.current AND m.level = 'ORANGE' AND m.kind = 'STOP' AND m.truck_ban_stage = 4 AND m.county_code = '130481'
                           AND (SELECT count(*) FROM enterprise_line l WHERE l.credit_code = m.credit_code AND l.kind = 'PRODUCTION') >= 1
                         ORDER BY m.credit_code LIMIT 1""").query(String.class).single();
        String production = jdbc.sql("SELECT meter_point FROM enterprise_line WHERE credit_code = ? AND kind = 'PRODUCTION' ORDER BY id LIMIT 1")
                .param(plant).query(String.class).single();
        String treatment = jdbc.sql("""
                        SELECT t.meter_point FROM enterprise_line t JOIN enterprise_line p ON p.credit_code = t.credit_code AND p.name = t.serves
                         WHERE p.meter_point = ?""").param(production).query(String.class).single();
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        String readings = """
                {"readings": [{"meterPoint": "%s", "at": "%s", "kw": 356.2}, {"meterPoint": "%s", "at": "%s", "kw": 0.4}]}""";

        // before any warning: the same readings are only stored
        JsonNode quiet = Api.json(as("city").post("/api/emergency/submeter-readings",
                readings.formatted(production, hour.minus(Duration.ofHours(2)), treatment, hour.minus(Duration.ofHours(2)))));
        assertThat(quiet.get("stored").asInt()).isEqualTo(2);
        assertThat(quiet.get("tickets")).isEmpty();

        long warning = Api.json(as("city").post("/api/emergency/warnings", """
                {"level": "ORANGE", "counties": ["130481"], "startsAt": "%s", "endsAt": "%s", "reason": "武安局地重污染"}"""
                .formatted(hour.minus(Duration.ofHours(1)), clock.instant().plus(Duration.ofDays(1))))).get("id").asLong();
        try {
            Instant sent = clock.instant();
            JsonNode during = Api.json(as("city").post("/api/emergency/submeter-readings",
                    readings.formatted(production, hour, treatment, hour)));
            assertThat(during.get("tickets")).hasSize(2);
            long stoppedLine = during.get("tickets").get(0).asLong();
            JsonNode ticket = Api.json(as("wuan").get("/api/alerts/tickets/" + stoppedLine));
            assertThat(ticket.get("source").asString()).isEqualTo("EMERGENCY");
            assertThat(ticket.get("countyCode").asString()).isEqualTo("130481");
            assertThat(ticket.get("placeCode").asString()).isEqualTo(plant);
            assertThat(ticket.get("title").asString()).endsWith("停产生产线仍在用电");
            assertThat(ticket.get("detail").asString()).contains("措施为“停产", "356.2 kW", "高于空载阈值 10 kW", production + "：");
            assertThat(Duration.between(sent, Instant.parse(ticket.get("pushedAt").asString()))).isLessThan(Duration.ofMinutes(1));
            JsonNode off = Api.json(as("wuan").get("/api/alerts/tickets/" + during.get("tickets").get(1).asLong()));
            assertThat(off.get("title").asString()).endsWith("治理设施停运而生产线运行");

            // later proof joins the same ticket (a minute after the hour: never later than the clock)
            JsonNode again = Api.json(as("city").post("/api/emergency/submeter-readings",
                    "{\"readings\": [{\"meterPoint\": \"%s\", \"at\": \"%s\", \"kw\": 401}]}".formatted(production, hour.plus(Duration.ofMinutes(1)))));
            assertThat(again.get("tickets").get(0).asLong()).isEqualTo(stoppedLine);
            assertThat(Api.json(as("wuan").get("/api/alerts/tickets/" + stoppedLine)).get("triggers").asInt()).isEqualTo(2);

            String gate = """
                    {"records": [{"creditCode": "%s", "plate": "冀D12345", "emissionStage": 4, "direction": "IN", "at": "%s"},
                                 {"creditCode": "%s", "plate": "冀D55555", "emissionStage": 5, "direction": "IN", "at": "%s"},
                                 {"creditCode": "%s", "plate": "冀D66666", "emissionStage": 3, "direction": "OUT", "at": "%s"}]}"""
                    .formatted(plant, hour, plant, hour, plant, hour);
            JsonNode trucks = Api.json(as("city").post("/api/emergency/gate-records", gate));
            assertThat(trucks.get("stored").asInt()).isEqualTo(3);
            assertThat(trucks.get("tickets")).hasSize(1);
            JsonNode truck = Api.json(as("wuan").get("/api/alerts/tickets/" + trucks.get("tickets").get(0).asLong()));
            assertThat(truck.get("detail").asString()).contains("国四重型货车 冀D12345", "进厂（门禁记录）");
            assertThat(Api.json(as("city").post("/api/emergency/gate-records", gate)).get("duplicates").asInt()).isEqualTo(3);

            JsonNode evaluation = Api.json(as("wuan").get("/api/emergency/warnings/" + warning + "/evaluation"));
            JsonNode wuan = evaluation.get("counties").get(0);
            assertThat(wuan.get("countyCode").asString()).isEqualTo("130481");
            int told = jdbc.sql("SELECT count(DISTINCT credit_code) FROM emergency_notice WHERE warning_id = ?").param(warning).query(Integer.class).single();
            assertThat(wuan.get("plantsTold").asInt()).isEqualTo(told);
            assertThat(wuan.get("plantsWithBreaches").asInt()).isEqualTo(1);
            assertThat(wuan.get("breachTickets").asInt()).isEqualTo(3);
            assertThat(wuan.get("compliancePercent").decimalValue()).isEqualByComparingTo(
                    java.math.BigDecimal.valueOf((told - 1) * 100L).divide(java.math.BigDecimal.valueOf(told), 1, java.math.RoundingMode.HALF_EVEN));
            assertThat(evaluation.get("days").size()).isBetween(1, 2);

            // the plant sees the tickets about itself; another county does not
            assertThat(as("hanshan").get("/api/alerts/tickets/" + stoppedLine).getStatusCode().value()).isEqualTo(404);
            assertThat(as("wuan").post("/api/emergency/submeter-readings", readings.formatted(production, hour, treatment, hour))
                    .getStatusCode().value()).isEqualTo(403);
            var bad = as("city").post("/api/emergency/submeter-readings", "{\"readings\": [{\"meterPoint\": \"X\", \"at\": \"%s\", \"kw\": -1}]}"
                    .formatted(hour));
            assertThat(Api.json(bad).get("detail").asString()).startsWith("readings[0].kw：");
            JsonNode unknown = Api.json(as("city").post("/api/emergency/submeter-readings",
                    "{\"readings\": [{\"meterPoint\": \"NO-SUCH-METER\", \"at\": \"%s\", \"kw\": 5}]}".formatted(hour)));
            assertThat(unknown.get("unknown").get(0).asString()).isEqualTo("NO-SUCH-METER");
        } finally {
            as("city").post("/api/emergency/warnings/" + warning + "/lifting", "{\"reason\": \"测试结束\"}");
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.lantian.platform.gateway.GatewayServer gateway;

    @Test
    void aSubMeterConcentratorReportsOverHj212AndAStoppedLineDrawingPowerIsATicket() throws Exception {
        String plant = jdbc.sql("""
                        SELECT m.credit_code FROM emergency_plant_measure m
                         WHERE m.current AND m.level = 'RED' AND m.kind = 'STOP' AND m.county_code = '130481'
                         ORDER BY m.credit_code OFFSET 5 LIMIT 1""").query(String.class).single();
        long line = jdbc.sql("SELECT id FROM enterprise_line WHERE credit_code = ? AND kind = 'PRODUCTION' ORDER BY id LIMIT 1")
                .param(plant).query(Long.class).single();
        jdbc.sql("UPDATE enterprise_line SET meter_point = 'SM-TEST-01-e00001' WHERE id = ?").param(line).update();
        var device = as("city").put("/api/gateway/devices/SM-TEST-01", """
                {"device": {"mn": "SM-TEST-01", "name": "分表计电集中器", "kind": "SUBMETER", "protocol": "V2017", "st": "32",
                 "password": "123456", "countyCode": "130481"}, "reason": "测试"}""");
        assertThat(device.getStatusCode().value()).as(device.getBody()).isEqualTo(200);
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        long warning = Api.json(as("city").post("/api/emergency/warnings", """
                {"level": "RED", "counties": ["130481"], "startsAt": "%s", "endsAt": "%s", "reason": "武安局地严重污染"}"""
                .formatted(minute.minus(Duration.ofHours(1)), clock.instant().plus(Duration.ofDays(1))))).get("id").asLong();
        try {
            String time = java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(org.lantian.standards.BeijingTime.ZONE).format(minute);
            String packet = "QN=" + time + "001;ST=32;CN=2011;PW=123456;MN=SM-TEST-01;Flag=5;CP=&&DataTime=" + time
                    + ";e00001-Rtd=356.2,e00001-Flag=N;e00002-Rtd=12.5,e00002-Flag=N&&";
            try (var socket = new java.net.Socket("127.0.0.1", gateway.port())) {
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write(org.lantian.standards.hj212.Hj212Encoder.frame(packet));
                socket.getOutputStream().flush();
                byte[] ack = new byte[512];
                int n = socket.getInputStream().read(ack);
                assertThat(new String(ack, 0, n, java.nio.charset.StandardCharsets.US_ASCII)).contains("CN=9014");
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                    "SELECT count(*) FROM alerts_ticket WHERE source = 'EMERGENCY' AND place_code = ? AND merge_key LIKE 'EMERGENCY:STOPPED_LINE:%'")
                    .param(plant).query(Integer.class).single() == 1);
            String detail = jdbc.sql("SELECT detail FROM alerts_ticket WHERE source = 'EMERGENCY' AND place_code = ? AND merge_key LIKE 'EMERGENCY:STOPPED_LINE:%'")
                    .param(plant).query(String.class).single();
            assertThat(detail).contains("SM-TEST-01-e00001", "356.2 kW");
            assertThat(jdbc.sql("SELECT kw FROM emergency_submeter_reading WHERE meter_point = 'SM-TEST-01-e00002'").query(java.math.BigDecimal.class)
                    .optional()).as("a channel bound to no line is not kept").isEmpty();
        } finally {
            as("city").post("/api/emergency/warnings/" + warning + "/lifting", "{\"reason\": \"测试结束\"}");
        }
    }

    @Test
    void subMeterReadingsComeAsAFileTakenWholeWithEveryWrongRowNamed() {
        String meter = jdbc.sql("SELECT meter_point FROM enterprise_line WHERE meter_point IS NOT NULL AND credit_code LIKE '91130408%' ORDER BY id LIMIT 1")
                .query(String.class).single();
        String bad = "计量点,时间,功率（kW）\n" + meter + ",2026-11-30 10:00,12.5\n" + meter + ",2026-11-30 25:00,3\n" + meter + ",2026-11-30 11:00,abc\n";
        JsonNode refused = Api.json(as("city").upload("/api/emergency/submeter-readings/file", "分表.csv", bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(refused.get("stored").isNull()).isTrue();
        assertThat(refused.get("errors").toString()).contains("\"line\":3,\"field\":\"时间\"", "\"line\":4,\"field\":\"功率（kW）\"");
        assertThat(jdbc.sql("SELECT count(*) FROM emergency_submeter_reading WHERE meter_point = ? AND at = '2026-11-30T10:00+08'").param(meter)
                .query(Integer.class).single()).isZero();
        String good = "计量点,时间,功率（kW）\n" + meter + ",2026-11-30 10:00,12.5\n" + meter + ",2026/11/30 11:00,0\n";
        JsonNode stored = Api.json(as("city").upload("/api/emergency/submeter-readings/file", "分表.csv", good.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(stored.get("stored").get("stored").asInt()).as(stored.toString()).isEqualTo(2);
        assertThat(as("wuan").upload("/api/emergency/submeter-readings/file", "分表.csv", good.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .getStatusCode().value()).isEqualTo(403);
    }

    @org.springframework.beans.factory.annotation.Autowired
    Warnings warnings;

    @Test
    void ofTwoWarningsAtOneLevelTheOneInForceFirstJudgesEveryTime() {
        // a lifted warning still judged the hours it was in force; a later warning may be backdated over them
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        String body = """
                {"level": "ORANGE", "counties": ["130427"], "startsAt": "%s", "endsAt": "%s", "reason": "磁县局地重污染"}""";
        long lifted = Api.json(as("city").post("/api/emergency/warnings", body.formatted(hour.minus(Duration.ofHours(1)),
                clock.instant().plus(Duration.ofDays(1))))).get("id").asLong();
        as("city").post("/api/emergency/warnings/" + lifted + "/lifting", "{\"reason\": \"提前解除\"}");
        long backdated = Api.json(as("city").post("/api/emergency/warnings", body.formatted(hour.minus(Duration.ofHours(2)),
                clock.instant().plus(Duration.ofDays(1))))).get("id").asLong();
        try {
            // an update moves the backdated warning's row behind the other's: the answer must not follow the rows' order
            jdbc.sql("UPDATE emergency_warning SET reason = reason WHERE id = ?").param(backdated).update();
            Instant bothInForce = hour.minus(Duration.ofMinutes(30));
            assertThat(warnings.over("130427", bothInForce).orElseThrow().id()).isEqualTo(backdated);
            jdbc.sql("UPDATE emergency_warning SET reason = reason WHERE id = ?").param(lifted).update();
            assertThat(warnings.over("130427", bothInForce).orElseThrow().id()).isEqualTo(backdated);
        } finally {
            as("city").post("/api/emergency/warnings/" + backdated + "/lifting", "{\"reason\": \"测试结束\"}");
        }
    }
}
