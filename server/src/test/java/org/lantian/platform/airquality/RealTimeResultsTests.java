package org.lantian.platform.airquality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * Observations arriving through the ingestion path update station, county and city real-time AQI.
 * Hour 2024-08-15 10:00 is far from the demo data, so only what the tests send is there.
 */
class RealTimeResultsTests extends ApiTest {

    private static String hour(String station, String time, int so2, int no2, int pm10, String co, int o3, int pm25) {
        return String.join(",",
                item(station, "SO2", time, String.valueOf(so2)), item(station, "NO2", time, String.valueOf(no2)),
                item(station, "PM10", time, String.valueOf(pm10)), item(station, "CO", time, co),
                item(station, "O3", time, String.valueOf(o3)), item(station, "PM2_5", time, String.valueOf(pm25)));
    }

    private static String item(String station, String pollutant, String time, String value) {
        return "{\"station\":\"" + station + "\",\"pollutant\":\"" + pollutant + "\",\"periodEnd\":\"" + time + "\",\"value\":\"" + value + "\"}";
    }

    private Integer aqi(String table, String codeColumn, String code, String hourEnd) {
        return jdbc.sql("SELECT aqi FROM " + table + " WHERE " + codeColumn + " = ? AND hour_end = ?::timestamptz")
                .params(code, hourEnd).query(Integer.class).optional().orElse(null);
    }

    @Test
    void anArrivingHourUpdatesStationCountyAndCityAqi() {
        String time = "2024-08-15 10:00";
        String at = "2024-08-15T10:00+08:00";
        var report = Api.json(as("city").post("/api/observations", "{\"source\":\"test\",\"observations\":["
                + hour("1049A", time, 10, 40, 100, "1.0", 60, 80) + ","
                + hour("1050A", time, 20, 60, 120, "1.2", 80, 100) + "]}"));
        assertThat(report.get("inserted").asLong()).isEqualTo(12);

        // CN2012 real-time (published practice): PM2.5 80 → 107, 100 → 132 on the 24-hour breakpoints
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(aqi("airquality_station_hour", "station_code", "1049A", at)).isEqualTo(107);
            assertThat(aqi("airquality_station_hour", "station_code", "1050A", at)).isEqualTo(132);
            // the city's value comes from the stations' mean concentrations (PM2.5 90 → 119), not their AQIs
            assertThat(aqi("airquality_area_hour", "area_code", "130400", at)).isEqualTo(119);
            assertThat(aqi("airquality_area_hour", "area_code", "130403", at)).isEqualTo(132);  // 丛台区: 1050A
            assertThat(aqi("airquality_area_hour", "area_code", "130402", at)).isEqualTo(107);  // 邯山区: 1049A
        });
        assertThat(jdbc.sql("SELECT rule_set FROM airquality_area_hour WHERE area_code = '130400' AND hour_end = ?::timestamptz")
                .param(at).query(String.class).single()).isEqualTo("CN2012");

        // a revision recomputes what it touches: PM2.5 100 → 60 at 1050A makes the city mean 70 → 94
        as("city").post("/api/observations", "{\"source\":\"test\",\"observations\":[" + item("1050A", "PM2_5", time, "60") + "]}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(aqi("airquality_area_hour", "area_code", "130400", at)).isEqualTo(94);
            assertThat(aqi("airquality_station_hour", "station_code", "1050A", at)).isEqualTo(85);  // PM10 120 → 85
        });
    }

    @Test
    void aCountyUserSeesTheCityItsOwnCountyAndItsOwnStationsNow() {
        await().atMost(Duration.ofSeconds(20)).until(() -> as("city").get("/api/airquality/now").getStatusCode().value() == 200);
        JsonNode city = Api.json(as("city").get("/api/airquality/now"));
        assertThat(city.get("counties").size()).isGreaterThan(1);

        JsonNode county = Api.json(as("congtai").get("/api/airquality/now"));
        assertThat(county.get("city").get("code").asString()).isEqualTo("130400");
        List<String> counties = new java.util.ArrayList<>();
        county.get("counties").forEach(c -> counties.add(c.get("code").asString()));
        assertThat(counties).containsExactly("130403");
        List<String> visible = new java.util.ArrayList<>();
        Api.json(as("congtai").get("/api/stations")).forEach(s -> visible.add(s.get("code").asString()));
        county.get("worstStations").forEach(s -> assertThat(visible).contains(s.get("code").asString()));
        assertThat(county.get("worstStations").size()).isPositive();

        assertThat(as("congtai").get("/api/airquality/stations/1050A/hours").getStatusCode().value()).isEqualTo(200);
        assertThat(as("congtai").get("/api/airquality/stations/1049A/hours").getStatusCode().value()).isEqualTo(404);
    }
}
