package org.lantian.platform.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.MutableClock;
import org.lantian.platform.PlatformTest;
import org.lantian.standards.BeijingTime;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * One episode with a stopped clock, from the forecast to the evaluation: forecast → proposal → warning over 成安县
 * → notices and a receipt → a stopped line drawing power and a China IV truck at its gate → two tickets within a
 * minute of the data → lifted → the evaluation's figures to the decimal.
 */
@PlatformTest
class EmergencyScenarioTests extends ApiTest {

    @Autowired
    MutableClock clock;

    private static final String COUNTY = "130424";

    @Test
    void aWholeEpisodeFromTheForecastToTheEvaluation() {
        Instant t0 = clock.instant().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);   // after everything the demo recorded
        clock.freezeAt(t0);
        try {
            LocalDate today = LocalDate.ofInstant(t0, BeijingTime.ZONE);
            String periods = "";
            int[][] aqi = {{220, 260}, {240, 290}, {230, 270}};
            for (int d = 0; d < 3; d++) {
                periods += (d > 0 ? ", " : "") + """
                        {"start": "%s", "end": "%s", "aqiLow": %d, "aqiHigh": %d, "primaryPollutant": "PM2.5"}"""
                        .formatted(start(today.plusDays(d)), start(today.plusDays(d + 1)), aqi[d][0], aqi[d][1]);
            }
            var forecast = as("city").post("/api/emergency/forecasts", "{\"issuedAt\": \"%s\", \"source\": \"场景测试\", \"periods\": [%s]}"
                    .formatted(t0.minusSeconds(1), periods));   // the latest issue: other tests issue theirs a minute before their now
            assertThat(forecast.getStatusCode().value()).as(forecast.getBody()).isEqualTo(201);
            JsonNode proposal = Api.json(as("city").get("/api/emergency/proposal"));
            assertThat(proposal.get("level").isNull()).as(proposal.toString()).isFalse();
            assertThat(proposal.get("explanation").asString()).contains("AQI");
            String level = proposal.get("level").asString();

            // a plant of 成安 whose measure at the level stops every line, with a production line on a sub-meter, and an enterprise account
            String plant = jdbc.sql("""
                            SELECT m.credit_code FROM emergency_plant_measure m
                             WHERE m.current AND m.level = ? AND m.kind = 'STOP' AND m.truck_ban_stage >= 4 AND m.county_code = ?
                               AND EXISTS (SELECT 1 FROM enterprise_line l WHERE l.credit_code = m.credit_code AND l.kind = 'PRODUCTION' AND l.meter_point IS NOT NULL)
                             ORDER BY m.credit_code LIMIT 1""").params(level, COUNTY).query(String.class).single();
            String meter = jdbc.sql("SELECT meter_point FROM enterprise_line WHERE credit_code = ? AND kind = 'PRODUCTION' ORDER BY id LIMIT 1")
                    .param(plant).query(String.class).single();
            assertThat(as("city").post("/api/users", """
                    {"username": "ent-scenario", "displayName": "企业", "role": "ENTERPRISE", "countyCode": "%s", "enterpriseCode": "%s",
                     "password": "Lan-Tian-2026!", "reason": "测试"}""".formatted(COUNTY, plant)).getStatusCode().value()).isEqualTo(201);

            Instant starts = t0.minus(Duration.ofHours(3));
            long warning = Api.json(as("city").post("/api/emergency/warnings", """
                    {"level": "%s", "counties": ["%s"], "startsAt": "%s", "endsAt": "%s", "reason": "场景测试：预计持续重污染"}"""
                    .formatted(level, COUNTY, starts, t0.plus(Duration.ofDays(2))))).get("id").asLong();
            int plants = jdbc.sql("SELECT count(*) FROM emergency_plant_measure WHERE current AND level = ? AND county_code = ?")
                    .params(level, COUNTY).query(Integer.class).single();
            JsonNode receipts = Api.json(as("city").get("/api/emergency/warnings/" + warning + "/receipts"));
            assertThat(receipts.get(0).get("plants").asInt()).isEqualTo(plants);
            long notice = -1;
            for (JsonNode n : Api.json(as("ent-scenario").get("/api/emergency/notices"))) {
                if (n.get("warningId").asLong() == warning) {
                    notice = n.get("id").asLong();
                }
            }
            as("ent-scenario").post("/api/emergency/notices/" + notice + "/confirmation", "{}");
            assertThat(Api.json(as("city").get("/api/emergency/warnings/" + warning + "/receipts")).get(0).get("confirmed").asInt()).isEqualTo(1);

            // the data of two hours ago arrive now: a stopped line drawing power, a China IV truck through the gate
            JsonNode reading = Api.json(as("city").post("/api/emergency/submeter-readings",
                    "{\"readings\": [{\"meterPoint\": \"%s\", \"at\": \"%s\", \"kw\": 415.5}]}".formatted(meter, t0.minus(Duration.ofHours(2)))));
            JsonNode gate = Api.json(as("city").post("/api/emergency/gate-records",
                    "{\"records\": [{\"creditCode\": \"%s\", \"plate\": \"冀D4S321\", \"emissionStage\": 4, \"direction\": \"IN\", \"at\": \"%s\"}]}"
                            .formatted(plant, t0.minus(Duration.ofHours(1)))));
            for (JsonNode raised : new JsonNode[] {reading.get("tickets").get(0), gate.get("tickets").get(0)}) {
                JsonNode ticket = Api.json(as("ent-scenario").get("/api/alerts/tickets/" + raised.asLong()));
                assertThat(ticket.get("countyCode").asString()).isEqualTo(COUNTY);
                assertThat(Duration.between(t0, Instant.parse(ticket.get("pushedAt").asString()))).isLessThanOrEqualTo(Duration.ofMinutes(1));
            }

            as("city").post("/api/emergency/warnings/" + warning + "/lifting", "{\"reason\": \"扩散条件转好\"}");
            JsonNode evaluation = Api.json(as("city").get("/api/emergency/warnings/" + warning + "/evaluation"));
            assertThat(evaluation.get("hours").decimalValue()).isEqualByComparingTo("3.00");
            JsonNode county = evaluation.get("counties").get(0);
            assertThat(county.get("countyCode").asString()).isEqualTo(COUNTY);
            assertThat(county.get("plantsTold").asInt()).isEqualTo(plants);
            assertThat(county.get("confirmed").asInt()).isEqualTo(1);
            assertThat(county.get("plantsWithBreaches").asInt()).isEqualTo(1);
            assertThat(county.get("breachTickets").asInt()).isEqualTo(2);
            assertThat(county.get("compliancePercent").decimalValue()).isEqualByComparingTo(
                    BigDecimal.valueOf((plants - 1) * 100L).divide(BigDecimal.valueOf(plants), 1, RoundingMode.HALF_EVEN));
            for (String[] p : new String[][] {{"SO2", "cut_so2"}, {"NOX", "cut_nox"}, {"PM", "cut_pm"}, {"VOCS", "cut_vocs"}}) {
                BigDecimal cut = jdbc.sql("SELECT sum(" + p[1] + ") FROM emergency_plant_measure WHERE current AND level = ? AND county_code = ?")
                        .params(level, COUNTY).query(BigDecimal.class).single();
                assertThat(county.get("plannedTonnes").get(p[0]).decimalValue()).as(p[0])
                        .isEqualByComparingTo(cut.multiply(new BigDecimal("0.125000")).setScale(2, RoundingMode.HALF_EVEN));
            }
            JsonNode first = evaluation.get("days").get(0);
            LocalDate firstDay = LocalDate.ofInstant(starts, BeijingTime.ZONE);
            assertThat(first.get("day").asString()).isEqualTo(firstDay.toString());
            if (firstDay.equals(today)) {
                assertThat(first.get("forecastLow").asInt()).isEqualTo(220);
                assertThat(first.get("forecastHigh").asInt()).isEqualTo(260);
            }
        } finally {
            clock.reset();
        }
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(BeijingTime.ZONE).toInstant();
    }
}
