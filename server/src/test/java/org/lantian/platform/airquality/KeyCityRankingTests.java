package org.lantian.platform.airquality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;

/**
 * The 168 key cities on 2025-05-01, one counted station each, with constant hourly values: SO2 10, NO2 20,
 * PM10 70, CO 1.0, O3 100 and a city-specific PM2.5, so a city's composite index is 2.541 667 + PM2.5/35.
 * The other 167 cities have PM2.5 20, 22, 24 … in list order; Handan has 341, between the 161st (340)
 * and the 162nd (342): it ranks 162nd, in the bottom 10. The bottom-10 line is the 158th of the others,
 * PM2.5 334: index 12.08 against Handan's 12.28, so Handan's index must fall by 0.20, or PM2.5 by 7.0.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyCityRankingTests extends ApiTest {

    private static final String DAY = "from=2025-05-01&to=2025-05-01";
    private final Map<String, String> stationOfCity = new LinkedHashMap<>();
    private final Map<String, Integer> pm25OfCity = new LinkedHashMap<>();

    @BeforeAll
    void importTwoFiles() throws IOException {
        Map<String, String> firstCountedStation = new LinkedHashMap<>();
        try (Reader reader = new InputStreamReader(new ClassPathResource("airquality/national-stations-newsitelist.csv").getInputStream(),
                StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                if (r.get("对照点").equals("N") && !r.get("监测点名称").contains("停运")) {
                    firstCountedStation.putIfAbsent(r.get("城市"), r.get("监测点编码"));
                }
            }
        }
        int other = 0;
        for (KeyCities.City city : KeyCities.KEY_CITIES_168.cities()) {
            stationOfCity.put(city.name(), firstCountedStation.get(city.name()));
            pm25OfCity.put(city.name(), city.name().equals("邯郸") ? 341 : 20 + 2 * other++);
        }
        var first = Api.json(as("city").upload("/api/airquality/network/hourly-files", "china_sites_20250501.csv", file("20250501")));
        assertThat(first.get(0).get("stationHours").asInt()).isEqualTo(168 * 24);
        assertThat(first.get(0).get("inserted").asInt()).isEqualTo(168 * 24);
        assertThat(first.get(0).get("unlisted").get(0).asString()).isEqualTo("9999Z");
        as("city").upload("/api/airquality/network/hourly-files", "china_sites_20250502.csv", file("20250502"));
    }

    /** A day file: hours 0–23 of {@code date}; hour 0 closes the day before. One column is not a listed station. */
    private byte[] file(String date) {
        StringBuilder csv = new StringBuilder("date,hour,type," + String.join(",", stationOfCity.values()) + ",9999Z\n");
        for (int hour = 0; hour < 24; hour++) {
            for (String type : List.of("PM2.5", "PM10", "SO2", "NO2", "CO", "O3", "AQI")) {
                csv.append(date).append(',').append(hour).append(',').append(type);
                for (String city : stationOfCity.keySet()) {
                    csv.append(',').append(switch (type) {
                        case "PM2.5" -> String.valueOf(pm25OfCity.get(city));
                        case "PM10" -> "70";
                        case "SO2" -> "10";
                        case "NO2" -> "20";
                        case "CO" -> "1.0";
                        case "O3" -> "100";
                        default -> "";
                    });
                }
                csv.append(",5\n");
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void ranksThe168AndDrawsTheBottomTenLine() {
        JsonNode result = Api.json(as("city").get("/api/airquality/rankings/key-cities?list=KEY_CITIES_168&" + DAY));
        assertThat(result.get("ranked").size()).isEqualTo(168);
        assertThat(result.get("missing").size()).isZero();
        JsonNode best = result.get("ranked").get(0);
        assertThat(best.get("city").asString()).isEqualTo("北京");
        assertThat(best.get("compositeIndex").decimalValue()).isEqualByComparingTo("3.11"); // 2.541667 + 20/35
        assertThat(best.get("rank").asInt()).isEqualTo(1);
        JsonNode handan = result.get("handan");
        assertThat(handan.get("rank").asInt()).isEqualTo(162);
        assertThat(handan.get("compositeIndex").decimalValue()).isEqualByComparingTo("12.28");
        assertThat(handan.get("pm25").decimalValue()).isEqualByComparingTo("341");
        JsonNode line = result.get("bottomLine");
        assertThat(line.get("lastPlaceOutside").asInt()).isEqualTo(158);
        assertThat(line.get("lineIndex").decimalValue()).isEqualByComparingTo("12.08");
        assertThat(line.get("inBottom").asBoolean()).isTrue();
        assertThat(line.get("indexToFall").decimalValue()).isEqualByComparingTo("0.20");
        assertThat(line.get("pm25ToFall").decimalValue()).isEqualByComparingTo("7.0");
    }

    @Test
    void hebeisCityListIsRankedApartFromThe168() {
        JsonNode result = Api.json(as("congtai").get("/api/airquality/rankings/key-cities?list=HEBEI_CITIES&" + DAY));
        assertThat(result.get("ranked").size()).isEqualTo(11);
        // every other Hebei city has a lower PM2.5 than Handan's 341
        assertThat(result.get("handan").get("rank").asInt()).isEqualTo(11);
        assertThat(result.get("bottomLine").isNull()).isTrue(); // 11 cities: no bottom-10 line worth the name
        assertThat(as("city").get("/api/airquality/rankings/key-cities?list=HEBEI_COUNTIES&" + DAY).getStatusCode().value())
                .isEqualTo(400);
    }

    @Test
    void bottomLineCountsATieAsOutside() {
        Map<String, BigDecimal> indices = new LinkedHashMap<>();
        for (int i = 0; i < 167; i++) {
            indices.put("c" + i, BigDecimal.valueOf(300 + i, 2));
        }
        indices.put("邯郸", new BigDecimal("4.57")); // equal to the 158th of the others (3.00 + 1.57)
        var line = KeyCityRanking.bottomLine(KeyCities.KEY_CITIES_168, indices).orElseThrow();
        assertThat(line.lineIndex()).isEqualByComparingTo("4.57");
        assertThat(line.inBottom()).isFalse();
        assertThat(line.indexToFall()).isEqualByComparingTo("0");
        indices.put("邯郸", new BigDecimal("4.58"));
        var above = KeyCityRanking.bottomLine(KeyCities.KEY_CITIES_168, indices).orElseThrow();
        assertThat(above.inBottom()).isTrue();
        assertThat(above.pm25ToFall()).isEqualByComparingTo("0.4"); // 0.01 × 35 = 0.35, rounded up
        indices.put("邯郸", new BigDecimal("3.50"));
        var safe = KeyCityRanking.bottomLine(KeyCities.KEY_CITIES_168, indices).orElseThrow();
        assertThat(safe.indexToFall()).isEqualByComparingTo("-1.07");
        assertThat(safe.pm25ToFall()).isEqualByComparingTo("-37.4"); // a margin is never overstated
    }

    @Test
    void reimportingChangesNothingAndAChangedHourIsANewRevision() {
        var again = Api.json(as("city").upload("/api/airquality/network/hourly-files", "china_sites_20250501.csv", file("20250501")));
        assertThat(again.get(0).get("unchanged").asInt()).isEqualTo(168 * 24);
        assertThat(again.get(0).get("inserted").asInt()).isZero();

        String station = stationOfCity.get("北京");
        byte[] changed = ("date,hour,type," + station + "\n20250603,5,PM2.5,30\n").getBytes(StandardCharsets.UTF_8);
        as("city").upload("/api/airquality/network/hourly-files", "fix.csv", changed);
        byte[] revised = ("date,hour,type," + station + "\n20250603,5,PM2.5,31\n20250603,5,PM10,bad\n").getBytes(StandardCharsets.UTF_8);
        JsonNode report = Api.json(as("city").upload("/api/airquality/network/hourly-files", "fix2.csv", revised)).get(0);
        assertThat(report.get("revised").asInt()).isEqualTo(1);
        assertThat(report.get("rejected").asInt()).isEqualTo(1);
        assertThat(report.get("errors").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM airquality_network_hour WHERE station_code = ? AND hour_end = '2025-06-03T05:00+08'")
                .param(station).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void officialTablesAreImportedWholeAndShownBesideTheProvisionalPlaces() {
        String path = "/api/airquality/rankings/official?list=KEY_CITIES_168&" + DAY + "&source=test";
        var bad = as("city").upload(path, "bad.csv", "排名,城市,综合指数\n1,北京,3.11\nx,天津,\n3,纽约,\n".getBytes(StandardCharsets.UTF_8));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody()).contains("第 3 行").contains("第 4 行").contains("纽约");
        assertThat(as("city").get("/api/airquality/rankings/official?list=KEY_CITIES_168&" + DAY).getStatusCode().value()).isEqualTo(404);

        assertThat(as("congtai").upload(path, "t.csv", "排名,城市\n160,邯郸市\n".getBytes(StandardCharsets.UTF_8))
                .getStatusCode().value()).isEqualTo(403);
        var ok = as("city").upload(path, "t.csv", "排名,城市,综合指数\n160,邯郸市,6.02\n1,北京,\n".getBytes(StandardCharsets.UTF_8));
        assertThat(ok.getStatusCode().value()).isEqualTo(200);
        JsonNode handan = Api.json(as("wuan").get("/api/airquality/rankings/key-cities?list=KEY_CITIES_168&" + DAY)).get("handan");
        assertThat(handan.get("officialRank").asInt()).isEqualTo(160);
        assertThat(handan.get("officialIndex").decimalValue()).isEqualByComparingTo("6.02");
        assertThat(handan.get("rank").asInt()).isEqualTo(162);
    }

    @Test
    void onlyTheCityOfficeImportsNetworkData() {
        assertThat(as("congtai").upload("/api/airquality/network/hourly-files", "x.csv", file("20250501")).getStatusCode().value())
                .isEqualTo(403);
        assertThat(as("viewer").upload("/api/airquality/network/station-list", "x.csv", "监测点编码\n".getBytes(StandardCharsets.UTF_8))
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void citiesWithoutDataAreListedAsMissing() {
        byte[] oneHour = ("date,hour,type," + stationOfCity.get("北京") + "\n20250704,5,PM2.5,30\n").getBytes(StandardCharsets.UTF_8);
        as("city").upload("/api/airquality/network/hourly-files", "one.csv", oneHour);
        JsonNode result = Api.json(as("city").get("/api/airquality/rankings/key-cities?list=KEY_CITIES_168&from=2025-07-04&to=2025-07-04"));
        assertThat(result.get("ranked").size()).isEqualTo(1);
        assertThat(result.get("ranked").get(0).get("rank").isNull()).isTrue(); // one hour: no valid day
        assertThat(result.get("missing").size()).isEqualTo(167);
        List<String> missing = new ArrayList<>();
        result.get("missing").forEach(m -> missing.add(m.asString()));
        assertThat(missing).contains("邯郸").doesNotContain("北京");
    }

    /** With Handan's own stations in the platform, its row is the platform's figures; the page says what the files alone give. */
    @Test
    void handansRowIsThePlatformsOwnFiguresWhenItsStationsAreIn() {
        as("city").upload("/api/airquality/network/hourly-files", "china_sites_20250503.csv", file("20250503"));
        StringBuilder items = new StringBuilder();
        for (int h = 1; h <= 24; h++) {
            String time = h == 24 ? "2025-05-04 00:00" : String.format("2025-05-03 %02d:00", h);
            for (String station : List.of("1049A", "1050A")) {
                for (String[] p : new String[][] {{"SO2", "10"}, {"NO2", "20"}, {"PM10", "70"}, {"CO", "1.0"}, {"O3", "100"}, {"PM2_5", "60"}}) {
                    items.append(items.length() == 0 ? "" : ",").append("{\"station\":\"").append(station).append("\",\"pollutant\":\"")
                            .append(p[0]).append("\",\"periodEnd\":\"").append(time).append("\",\"value\":\"").append(p[1]).append("\"}");
                }
            }
        }
        assertThat(as("city").post("/api/observations", "{\"source\":\"test\",\"observations\":[" + items + "]}")
                .getStatusCode().value()).isEqualTo(200);
        String period = "from=2025-05-03&to=2025-05-03";
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                !Api.json(as("city").get("/api/airquality/areas/130400/period?" + period)).get("compositeIndex").isNull());
        JsonNode own = Api.json(as("city").get("/api/airquality/areas/130400/period?" + period));
        JsonNode result = Api.json(as("city").get("/api/airquality/rankings/key-cities?list=KEY_CITIES_168&" + period));
        JsonNode handan = result.get("handan");
        assertThat(handan.get("compositeIndex").decimalValue()).isEqualByComparingTo(own.get("compositeIndex").decimalValue());
        assertThat(handan.get("pm25").decimalValue()).isEqualByComparingTo("60");
        assertThat(handan.get("validDays").asInt()).isEqualTo(1);
        assertThat(result.get("handanBasis").get("ownFigures").asBoolean()).isTrue();
        assertThat(result.get("handanBasis").get("networkPm25").decimalValue()).isEqualByComparingTo("341");
        assertThat(result.get("bottomLine").get("handanIndex").decimalValue()).isEqualByComparingTo(own.get("compositeIndex").decimalValue());
    }
}
