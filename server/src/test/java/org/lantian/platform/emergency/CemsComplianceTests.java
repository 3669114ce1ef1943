package org.lantian.platform.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.MutableClock;
import org.lantian.platform.PlatformTest;
import org.lantian.platform.gateway.GatewayServer;
import org.lantian.standards.BeijingTime;
import org.lantian.standards.hj212.Hj212Encoder;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A stack's hourly emissions during a warning against the plant's reduced level; and the reductions each level's stretch planned. */
@PlatformTest
class CemsComplianceTests extends ApiTest {

    @Autowired
    MutableClock clock;
    @Autowired
    GatewayServer gateway;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(BeijingTime.ZONE);

    @Test
    void anHourAboveThePlantsReducedLevelIsATicketAndTheEvaluationCountsWhatWasAchieved() throws Exception {
        // a 邯山区 plant whose orange measure cuts between a fifth and nine tenths of its SO2
        var plant = jdbc.sql("""
                        SELECT m.credit_code, round(m.cut_so2 / m.base_so2, 4), m.cut_so2 FROM emergency_plant_measure m
                         WHERE m.current AND m.level = 'ORANGE' AND m.county_code = '130402' AND m.base_so2 > 0
                           AND m.cut_so2 / m.base_so2 BETWEEN 0.2 AND 0.9
                           AND EXISTS (SELECT 1 FROM enterprise_outlet o WHERE o.credit_code = m.credit_code)
                         ORDER BY m.credit_code LIMIT 1""")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)}).single();
        String code = (String) plant[0];
        BigDecimal share = (BigDecimal) plant[1];
        jdbc.sql("UPDATE enterprise_outlet SET device_mn = 'CEMS-TEST-01' WHERE id = (SELECT min(id) FROM enterprise_outlet WHERE credit_code = ?)")
                .param(code).update();
        var device = as("city").put("/api/gateway/devices/CEMS-TEST-01", """
                {"device": {"mn": "CEMS-TEST-01", "name": "烟气在线监测", "kind": "STACK", "protocol": "V2017", "st": "31",
                 "password": "123456", "countyCode": "130402"}, "reason": "测试"}""");
        assertThat(device.getStatusCode().value()).as(device.getBody()).isEqualTo(200);

        Instant start = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(14));
        long warning = Api.json(as("city").post("/api/emergency/warnings/past", """
                {"level": "ORANGE", "counties": ["130402"], "startsAt": "%s", "endsAt": "%s", "reason": "邯山区局地重污染（补录）"}"""
                .formatted(start, start.plus(Duration.ofHours(6))))).get("id").asLong();
        // 48 reference hours at 10 kg, then six warning hours: five within the reduced level, the third at the old 10 kg
        BigDecimal reduced = BigDecimal.TEN.multiply(BigDecimal.ONE.subtract(share)).multiply(new BigDecimal("0.9")).setScale(2, RoundingMode.HALF_EVEN);
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(5_000);
            for (int h = -48; h < 6; h++) {
                Instant hour = start.plus(Duration.ofHours(h));
                BigDecimal kg = h < 0 || h == 2 ? BigDecimal.TEN : reduced;
                send(socket, "QN=" + TIME.format(hour.plusSeconds(300)) + "001;ST=31;CN=2061;PW=123456;MN=CEMS-TEST-01;Flag=5;CP=&&DataTime="
                        + TIME.format(hour) + ";a21026-Avg=20.0,a21026-Cou=" + kg.toPlainString() + ",a21026-Flag=N&&");
            }
        }
        String key = "EMERGENCY:CEMS:" + warning + ":CEMS-TEST-01";
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.sql("SELECT count(*) FROM alerts_ticket WHERE merge_key = ?").param(key).query(Integer.class).single() == 1);
        var ticket = jdbc.sql("SELECT county_code, place_code, title, detail, triggers FROM alerts_ticket WHERE merge_key = ?").param(key)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)}).single();
        assertThat(ticket[0]).isEqualTo("130402");
        assertThat(ticket[1]).isEqualTo(code);
        assertThat((String) ticket[2]).endsWith("排放未按措施下降");
        BigDecimal allowed = BigDecimal.TEN.multiply(BigDecimal.ONE.subtract(share)).setScale(2, RoundingMode.HALF_EVEN);
        assertThat((String) ticket[3]).contains("二氧化硫 10.00 kg，应急前小时均值 10.00 kg", "应不高于 " + allowed.toPlainString() + " kg",
                BeijingTime.minute(start.plus(Duration.ofHours(2))));
        assertThat((Integer) ticket[4]).as("the hours within the reduced level raised nothing").isEqualTo(1);

        JsonNode evaluation = Api.json(as("hanshan").get("/api/emergency/warnings/" + warning + "/evaluation"));
        JsonNode county = evaluation.get("counties").get(0);
        assertThat(county.get("countyCode").asString()).isEqualTo("130402");
        JsonNode cems = county.get("cems");
        assertThat(cems.get("plants").asInt()).isEqualTo(1);
        BigDecimal achievedKg = BigDecimal.TEN.subtract(reduced).multiply(BigDecimal.valueOf(5));
        assertThat(cems.get("achievedTonnes").get("SO2").decimalValue())
                .isEqualByComparingTo(achievedKg.movePointLeft(3).setScale(3, RoundingMode.HALF_EVEN));
        assertThat(cems.get("achievedPercent").get("SO2").decimalValue())
                .isEqualByComparingTo(achievedKg.movePointRight(2).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_EVEN));
        assertThat(cems.get("plannedTonnes").get("SO2").decimalValue())
                .isEqualByComparingTo(((BigDecimal) plant[2]).multiply(new BigDecimal("0.25")).setScale(3, RoundingMode.HALF_EVEN));
        assertThat(cems.get("achievedTonnes").get("NOX").decimalValue()).as("no NOx series: nothing counted").isZero();
        assertThat(as("congtai").get("/api/emergency/warnings/" + warning + "/evaluation").getBody()).doesNotContain("130402");
    }

    @Test
    void aWarningRaisedMidwayIsEvaluatedAtEachLevelForItsStretch() {
        Instant start = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        long id = Api.json(as("city").post("/api/emergency/warnings", """
                {"level": "ORANGE", "counties": ["130435"], "startsAt": "%s", "endsAt": "%s", "reason": "曲周局地重污染"}"""
                .formatted(start, start.plus(Duration.ofDays(1))))).get("id").asLong();
        try {
            clock.advance(Duration.ofHours(6));
            as("city").post("/api/emergency/warnings/" + id + "/level", "{\"level\": \"RED\", \"reason\": \"预报上调\"}");
            clock.advance(Duration.ofHours(12));
            JsonNode evaluation = Api.json(as("city").get("/api/emergency/warnings/" + id + "/evaluation"));
            JsonNode spans = evaluation.get("spans");
            assertThat(spans).hasSize(2);
            assertThat(spans.get(0).get("level").asString()).isEqualTo("ORANGE");
            assertThat(spans.get(1).get("level").asString()).isEqualTo("RED");
            BigDecimal orangeDays = BigDecimal.valueOf(Duration.between(start, Instant.parse(spans.get(0).get("to").asString())).toSeconds())
                    .divide(BigDecimal.valueOf(86_400), 6, RoundingMode.HALF_EVEN);
            BigDecimal redDays = BigDecimal.valueOf(Duration.between(Instant.parse(spans.get(1).get("from").asString()),
                    Instant.parse(spans.get(1).get("to").asString())).toSeconds()).divide(BigDecimal.valueOf(86_400), 6, RoundingMode.HALF_EVEN);
            assertThat(orangeDays.add(redDays)).isGreaterThan(new BigDecimal("0.74"));
            BigDecimal expected = jdbc.sql("""
                            SELECT sum(CASE level WHEN 'ORANGE' THEN cut_nox * ? ELSE cut_nox * ? END) FROM emergency_plant_measure
                             WHERE current AND county_code = '130435' AND level IN ('ORANGE', 'RED')""")
                    .params(orangeDays, redDays).query(BigDecimal.class).single().setScale(2, RoundingMode.HALF_EVEN);
            JsonNode quzhou = evaluation.get("counties").get(0);
            assertThat(quzhou.get("plannedTonnes").get("NOX").decimalValue()).isEqualByComparingTo(expected);
        } finally {
            clock.reset();
            as("city").post("/api/emergency/warnings/" + id + "/lifting", "{\"reason\": \"测试结束\"}");
        }
    }

    private void send(Socket socket, String packet) throws Exception {
        socket.getOutputStream().write(Hj212Encoder.frame(packet));
        socket.getOutputStream().flush();
        int b;
        while ((b = socket.getInputStream().read()) >= 0 && b != '\n') {
            // the acknowledgement line
        }
        Thread.sleep(6);   // under the gateway's per-connection rate
    }
}
