package org.lantian.platform.airquality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * May 2021 at 1050A (丛台区): real-time PM2.5 80 all day on the 1st, then the reviewed data say 70. The
 * review replaces the results, keeps the real-time values as earlier revisions and the provisional days
 * beside the final ones.
 */
class ReviewedMonthsTests extends ApiTest {

    private static String csv(String day, String pollutant, String value) {
        StringBuilder csv = new StringBuilder("station,pollutant,averaging,period_end,value,flag\n");
        for (int h = 1; h <= 24; h++) {
            String time = h == 24 ? nextDay(day) + " 00:00" : String.format("%s %02d:00", day, h);
            for (String p : new String[] {"SO2", "NO2", "PM10", "CO", "O3", "PM2_5"}) {
                String v = p.equals(pollutant) ? value : switch (p) {
                    case "CO" -> "1.0";
                    case "PM10" -> "100";
                    default -> "20";
                };
                csv.append("1050A,").append(p).append(",1h,").append(time).append(',').append(v).append(",N\n");
            }
        }
        return csv.toString();
    }

    private static String nextDay(String day) {
        return java.time.LocalDate.parse(day).plusDays(1).toString();
    }

    private JsonNode cityDay(String day) {
        return jdbc.sql("SELECT json_build_object('pm25', pm25, 'provisional', provisional)::text FROM airquality_area_day "
                        + "WHERE area_code = '130400' AND day = ?::date").param(day).query(String.class).optional()
                .map(t -> Api.json(org.springframework.http.ResponseEntity.ok(t))).orElse(null);
    }

    @Test
    void aReviewReplacesTheMonthsResultsAndKeepsWhatItReplaced() {
        as("city").upload("/api/imports/csv", "realtime.csv", csv("2021-05-01", "PM2_5", "80").getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(cityDay("2021-05-01")).isNotNull();
            assertThat(cityDay("2021-05-01").get("pm25").decimalValue()).isEqualByComparingTo("80");
            assertThat(cityDay("2021-05-01").get("provisional").asBoolean()).isTrue();
        });

        byte[] reviewed = csv("2021-05-01", "PM2_5", "70").getBytes(StandardCharsets.UTF_8);
        assertThat(as("congtai").upload("/api/airquality/reviewed-months/2021-05?reason=x", "r.csv", reviewed).getStatusCode().value())
                .isEqualTo(403);
        var outcome = Api.json(as("city").upload("/api/airquality/reviewed-months/2021-05?reason=审核数据", "reviewed.csv", reviewed));
        assertThat(outcome.get("report").get("revised").asInt()).isEqualTo(24);
        assertThat(outcome.get("review").get("month").asString()).isEqualTo("2021-05");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(cityDay("2021-05-01").get("pm25").decimalValue()).isEqualByComparingTo("70");
            assertThat(cityDay("2021-05-01").get("provisional").asBoolean()).isFalse();
        });
        assertThat(jdbc.sql("SELECT bool_or(provisional) FROM airquality_station_hour WHERE station_code = '1050A' "
                + "AND hour_end > '2021-05-01T00:00+08' AND hour_end <= '2021-05-02T00:00+08'").query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM monitoring_observation WHERE station_code = '1050A' AND pollutant = 'PM2_5' "
                + "AND period_end = '2021-05-01T12:00+08'").query(Integer.class).single()).isEqualTo(2);

        JsonNode comparison = Api.json(as("congtai").get("/api/airquality/areas/130403/review?month=2021-05"));
        assertThat(comparison.get("provisional").get("concentrations").get("PM2_5").decimalValue()).isEqualByComparingTo("80");
        assertThat(comparison.get("current").get("concentrations").get("PM2_5").decimalValue()).isEqualByComparingTo("70");
        assertThat(comparison.get("current").get("provisional").asBoolean()).isFalse();
        assertThat(as("congtai").get("/api/airquality/areas/130402/review?month=2021-05").getStatusCode().value()).isEqualTo(404);
        assertThat(Api.json(as("viewer").get("/api/airquality/reviewed-months")).findValuesAsString("month")).contains("2021-05");
    }

    @Test
    void aFileWithRejectedRowsLeavesTheMonthProvisional() {
        String bad = csv("2021-04-10", "PM2_5", "50") + "1050A,PM2_5,1h,2021-04-11 05:00,abc,N\n";
        var outcome = Api.json(as("city").upload("/api/airquality/reviewed-months/2021-04", "bad.csv", bad.getBytes(StandardCharsets.UTF_8)));
        assertThat(outcome.get("report").get("rejected").asInt()).isEqualTo(1);
        assertThat(outcome.get("review").isNull()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM airquality_reviewed_month WHERE month = '2021-04-01'").query(Integer.class).single()).isZero();
    }

    @Test
    void onlyEndedMonthsAreReviewed() {
        String thisMonth = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        assertThat(as("city").upload("/api/airquality/reviewed-months/" + thisMonth, "r.csv", "x".getBytes(StandardCharsets.UTF_8))
                .getStatusCode().value()).isEqualTo(400);
    }
}
