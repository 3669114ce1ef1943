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
        as("city").post("/api/observations", "{\"source\":\"test\",\"reason\":\"仪器校准后更正\",\"observations\":["
                + item("1050A", "PM2_5", time, "60") + "]}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(aqi("airquality_area_hour", "area_code", "130400", at)).isEqualTo(94);
            assertThat(aqi("airquality_station_hour", "station_code", "1050A", at)).isEqualTo(85);  // PM10 120 → 85
        });
    }

    @Test
    void aWholeDayGivesStationCityAndCountyDaysPeriodFiguresAndTheCountyRanking() {
        StringBuilder items = new StringBuilder();
        for (int h = 1; h <= 24; h++) {
            String time = h == 24 ? "2024-10-02 00:00" : String.format("2024-10-01 %02d:00", h);
            items.append(items.length() == 0 ? "" : ",")
                    .append(hour("1049A", time, 10, 40, 100, "1.0", 60, 80)).append(",")
                    .append(hour("1050A", time, 20, 60, 120, "1.2", 80, 100));
        }
        as("city").post("/api/observations", "{\"source\":\"test\",\"observations\":[" + items + "]}");

        // CN2012 daily: 1049A PM2.5 80 → 107; the city's day from the stations' means: PM2.5 90 → 119
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(jdbc.sql("SELECT aqi FROM airquality_station_day WHERE station_code = '1049A' AND day = '2024-10-01'")
                    .query(Integer.class).optional()).contains(107);
            assertThat(jdbc.sql("SELECT aqi FROM airquality_area_day WHERE area_code = '130400' AND day = '2024-10-01'")
                    .query(Integer.class).optional()).contains(119);
        });

        JsonNode figures = Api.json(as("congtai").get("/api/airquality/areas/130400/period?from=2024-10-01&to=2024-10-01"));
        // 15/60 + 50/40 + 110/70 + 90/35 + 1.1/4 + 70/160 = 6.3554 → 6.36
        assertThat(figures.get("compositeIndex").asString()).isEqualTo("6.36");
        assertThat(figures.get("concentrations").get("PM2_5").asString()).isEqualTo("90");
        assertThat(figures.get("concentrations").get("CO").asString()).isEqualTo("1.1");
        assertThat(figures.get("validDays").asInt()).isEqualTo(1);
        assertThat(figures.get("goodDays").asInt()).isZero();
        assertThat(figures.get("primaryDays").get("PM2_5").asInt()).isEqualTo(1);
        assertThat(figures.get("indexChangePercent").isNull()).isTrue();
        assertThat(figures.get("sandDust").get("days").asInt()).isZero();
        assertThat(figures.get("sandDust").get("compositeIndex").asString()).isEqualTo("6.36");

        // an imported sand-and-dust day takes the day's PM out of the deducted figures, and its exceedance out of the ratio
        assertThat(as("congtai").post("/api/airquality/areas/130400/sand-dust-days", "{\"days\":[\"2024-10-01\"]}")
                .getStatusCode().value()).isEqualTo(403);
        assertThat(as("city").post("/api/airquality/areas/130400/sand-dust-days",
                "{\"days\":[\"2024-10-01\"],\"reason\":\"中国环境监测总站扣沙通知\"}").getBody()).isEqualTo("1");
        JsonNode deducted = Api.json(as("city").get("/api/airquality/areas/130400/period?from=2024-10-01&to=2024-10-01")).get("sandDust");
        assertThat(deducted.get("days").asInt()).isEqualTo(1);
        assertThat(deducted.get("pm25").isNull()).isTrue();
        assertThat(deducted.get("compositeIndex").isNull()).isTrue();
        assertThat(deducted.get("goodDayRatio").isNull()).isTrue();   // its only day was an exceeding sand day
        assertThat(as("congtai").get("/api/airquality/areas/130402/period?from=2024-10-01&to=2024-10-01").getStatusCode().value())
                .isEqualTo(404);

        JsonNode ranking = Api.json(as("congtai").get("/api/airquality/rankings/counties?from=2024-10-01&to=2024-10-01"));
        assertThat(ranking.size()).isEqualTo(20);
        // 邯山区 (1049A): 5.51, first; 丛台区 (1050A): 7.20, second; the others had no data that day
        assertThat(ranking.get(0).get("figures").get("name").asString()).isEqualTo("邯山区");
        assertThat(ranking.get(0).get("figures").get("compositeIndex").asString()).isEqualTo("5.51");
        assertThat(ranking.get(1).get("figures").get("name").asString()).isEqualTo("丛台区");
        assertThat(ranking.get(1).get("indexRank").asInt()).isEqualTo(2);
        assertThat(ranking.get(2).get("indexRank").asInt()).isZero();

        var xlsx = new org.springframework.web.client.RestTemplate();
        var request = org.springframework.http.RequestEntity.get(java.net.URI.create("http://localhost:" + port
                        + "/airquality/ranking.xlsx?from=2024-10-01&to=2024-10-01"))
                .header("Authorization", "Bearer " + tokens.of("city")).build();
        byte[] body = xlsx.exchange(request, byte[].class).getBody();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(body))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("县（市、区）");
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("邯山区");
            assertThat(sheet.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(5.51);
            assertThat(sheet.getLastRowNum()).isEqualTo(22);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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

    @Test
    void anAreaRatesHourlySo2Above800ByItsStations24HourMeanAsAStationDoes() {
        StringBuilder items = new StringBuilder();
        for (int h = 1; h <= 21; h++) {
            String time = String.format("2024-08-16 %02d:00", h);
            items.append(items.length() == 0 ? "" : ",").append(hour("1049A", time, h == 21 ? 900 : 100, 10, 10, "0.2", 10, 10));
        }
        as("city").post("/api/observations", "{\"source\":\"test\",\"observations\":[" + items + "]}");
        String at = "2024-08-16T21:00+08:00";
        // CN2012: SO2 1h 900 > 800 is rated by the 24-hour mean, (20 × 100 + 900) / 21 = 138.1 → 138 → 50 + 88 × 50/100 = 94
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(aqi("airquality_station_hour", "station_code", "1049A", at)).isEqualTo(94);
            assertThat(aqi("airquality_area_hour", "area_code", "130402", at)).isEqualTo(94);
            assertThat(aqi("airquality_area_hour", "area_code", "130400", at)).isEqualTo(94);
        });
    }
}
