package org.lantian.platform.airquality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Targets set by the city office and the control values back-calculated from them. 2023-06-10 is only this test's. */
class TargetsTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String item(String station, String pollutant, String time, String value) {
        return "{\"station\":\"" + station + "\",\"pollutant\":\"" + pollutant + "\",\"periodEnd\":\"" + time + "\",\"value\":\"" + value + "\"}";
    }

    @Test
    void theCityOfficeSetsTargetsAndEveryoneSeesWhatTheRestOfTheYearMayAverage() {
        StringBuilder items = new StringBuilder();
        for (int h = 1; h <= 24; h++) {
            String time = h == 24 ? "2023-06-11 00:00" : String.format("2023-06-10 %02d:00", h);
            for (String[] s : new String[][] {{"1049A", "80"}, {"1050A", "100"}}) {
                for (String[] p : new String[][] {{"SO2", "10"}, {"NO2", "40"}, {"PM10", "100"}, {"CO", "1.0"}, {"O3", "60"}, {"PM2_5", s[1]}}) {
                    items.append(items.length() == 0 ? "" : ",").append(item(s[0], p[0], time, p[1]));
                }
            }
        }
        as("city").post("/api/observations", "{\"source\":\"test\",\"observations\":[" + items + "]}");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM airquality_area_day WHERE area_code = '130400' AND day = '2023-06-10'").query(Long.class).single() == 1);

        String targets = "{\"pm25\":50,\"compositeIndex\":6.5,\"goodDayRatio\":70.0,\"heavyDaysCap\":12,\"reason\":\"2023 年度目标\"}";
        assertThat(as("congtai").put("/api/airquality/targets/2023/130400", targets).getStatusCode().value()).isEqualTo(403);
        assertThat(as("city").put("/api/airquality/targets/2023/130400", targets).getStatusCode().value()).isEqualTo(200);

        clock.advance(Duration.between(Instant.now(), Instant.parse("2023-06-11T04:00:00Z")));   // 2023-06-11 12:00 Beijing
        JsonNode progress = Api.json(as("congtai").get("/api/airquality/targets/2023/130400"));
        // one day so far, PM2.5 90; 204 days left: (50·205 − 90)/204 = 49.80 → today's control value 49
        assertThat(progress.get("daysLeft").asInt()).isEqualTo(204);
        assertThat(progress.get("pm25").get("allowedRestMean").asString()).isEqualTo("49.8");
        assertThat(progress.get("pm25").get("evenControlValue").asString()).isEqualTo("49");
        assertThat(progress.get("pm25").get("explanation").asString()).contains("今天的控制值为 49 μg/m³");
        // the same day basis as the ratio so far: the counted days (this one, not good, and any other test's of 2023)
        // and the 204 to come; e.g. 1 + 204 = 205 days need ⌈70 % × 205⌉ = 144 good days
        int counted = progress.get("yearToDate").get("validDays").asInt();
        int good = progress.get("yearToDate").get("goodDays").asInt();
        assertThat(counted).isPositive();
        int required = (int) Math.ceil(0.7 * (counted + 204));
        assertThat(progress.get("goodDays").get("required").asInt()).isEqualTo(required);
        assertThat(progress.get("goodDays").get("needed").asInt()).isEqualTo(required - good);
        assertThat(progress.get("goodDays").get("reachable").asBoolean()).isTrue();
        assertThat(progress.get("goodDays").get("explanation").asString()).contains("已计入 " + counted + " 个有效天");
        assertThat(progress.get("heavyDays").get("left").asInt()).isEqualTo(12);
        assertThat(jdbc.sql("SELECT count(*) FROM identity_audit_entry WHERE action = 'airquality.target.set' AND target_id = '2023/130400'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(as("congtai").get("/api/airquality/targets/2023/130402").getStatusCode().value()).isEqualTo(404);
    }
}
