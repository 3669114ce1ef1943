package org.lantian.platform.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import tools.jackson.databind.JsonNode;

/** A hand-made file in the published china_sites layout, with the quirks real files have. */
class ChinaSitesImportTests extends ApiTest {

    // hour 0 of 2023-01-02 is the last hour of 2023-01-01; 9999A is a station nobody registered;
    // the 1048A column appears twice with the same values; hour 2 has only some types; blanks are no value
    static final String FILE = """
            date,hour,type,1047A,1048A,9999A,1048A
            20230101,23,AQI,120,98,50,98
            20230101,23,PM2.5,91,73,30,73
            20230101,23,PM2.5_24h,88,70,31,70
            20230101,23,PM10,130,,40,
            20230101,23,CO,1.3,1.1,0.5,1.1
            20230101,23,O3,3,5,20,5
            20230101,23,O3_8h,10,12,25,12
            20230102,0,AQI,125,101,,101
            20230102,0,PM2.5,95,76,,76
            20230102,0,PM2.5_24h,89,71,,71
            20230102,0,SO2,12,9,,9
            20230102,0,NO2,60,55,,55
            20230102,2,PM2.5,80,,,
            """;


    private List<String> rows(String table) {
        return jdbc.sql("""
                        SELECT station_code || ' ' || pollutant || ' ' || averaging || ' '
                               || to_char(period_end AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') || ' ' || value
                          FROM %s
                         WHERE station_code IN ('1047A', '1048A')
                           AND period_end BETWEEN '2023-01-01 23:00+08' AND '2023-01-02 02:00+08'
                         ORDER BY 1""".formatted(table))
                .query(String.class).list();
    }

    @Test
    void storesExactlyTheFilesValuesOnceAndTheDerivedColumnsApart() {
        Api city = as("city");
        var response = city.upload("/api/imports/china-sites", "china_sites_20230101.csv", FILE.getBytes(StandardCharsets.UTF_8));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        JsonNode report = Api.json(response);

        assertThat(rows("monitoring_observation")).containsExactly(
                "1047A CO 1h 2023-01-01 23:00 1.3",
                "1047A NO2 1h 2023-01-02 00:00 60",
                "1047A O3 1h 2023-01-01 23:00 3",
                "1047A PM10 1h 2023-01-01 23:00 130",
                "1047A PM2_5 1h 2023-01-01 23:00 91",
                "1047A PM2_5 1h 2023-01-02 00:00 95",
                "1047A PM2_5 1h 2023-01-02 02:00 80",
                "1047A SO2 1h 2023-01-02 00:00 12",
                "1048A CO 1h 2023-01-01 23:00 1.1",
                "1048A NO2 1h 2023-01-02 00:00 55",
                "1048A O3 1h 2023-01-01 23:00 5",
                "1048A PM2_5 1h 2023-01-01 23:00 73",
                "1048A PM2_5 1h 2023-01-02 00:00 76",
                "1048A SO2 1h 2023-01-02 00:00 9");
        assertThat(rows("monitoring_reference_value")).containsExactly(
                "1047A AQI published 2023-01-01 23:00 120",
                "1047A AQI published 2023-01-02 00:00 125",
                "1047A O3_8h published 2023-01-01 23:00 10",
                "1047A PM2.5_24h published 2023-01-01 23:00 88",
                "1047A PM2.5_24h published 2023-01-02 00:00 89",
                "1048A AQI published 2023-01-01 23:00 98",
                "1048A AQI published 2023-01-02 00:00 101",
                "1048A O3_8h published 2023-01-01 23:00 12",
                "1048A PM2.5_24h published 2023-01-01 23:00 70",
                "1048A PM2.5_24h published 2023-01-02 00:00 71");
        assertThat(report.get("inserted").asLong()).isEqualTo(24);
        assertThat(report.get("rejected").asLong()).isZero();
        assertThat(report.get("foreignStations").get(0).asString()).isEqualTo("9999A");
        assertThat(report.get("unchanged").asLong()).isEqualTo(report.get("received").asLong() - 24);

        JsonNode again = Api.json(city.upload("/api/imports/china-sites", "china_sites_20230101.csv",
                FILE.getBytes(StandardCharsets.UTF_8)));
        assertThat(again.get("inserted").asLong()).isZero();
        assertThat(again.get("revised").asLong()).isZero();
        assertThat(rows("monitoring_observation")).hasSize(14);
        assertThat(rows("monitoring_reference_value")).hasSize(10);
    }

    @Autowired
    ImportCommand command;


    /**
     * A day in the layout of the real files: every station of the national list as a column (~2 000, of
     * which 7 are Handan's), 24 hours, the 15 types, some blanks. Other cities' columns are skipped and
     * reported apart: no error, counts that add up, exit status 0.
     */
    @Test
    void aRealSizedDailyFileImportsWithoutErrorsAndReportsOtherCitiesApart(@TempDir Path folder) throws Exception {
        List<String> codes;
        try (var in = new java.io.InputStreamReader(new org.springframework.core.io.ClassPathResource(
                "airquality/national-stations-newsitelist.csv").getInputStream(), StandardCharsets.UTF_8)) {
            codes = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)
                    .stream().map(r -> r.get(0)).distinct().toList();
        }
        List<String> types = List.of("AQI", "PM2.5", "PM2.5_24h", "PM10", "PM10_24h", "SO2", "SO2_24h", "NO2", "NO2_24h",
                "O3", "O3_24h", "O3_8h", "O3_8h_24h", "CO", "CO_24h");
        StringBuilder file = new StringBuilder("date,hour,type,").append(String.join(",", codes)).append('\n');
        for (int hour = 0; hour < 24; hour++) {
            for (String type : types) {
                file.append("20230105,").append(hour).append(',').append(type);
                for (int i = 0; i < codes.size(); i++) {
                    file.append(',');
                    if ((i + hour) % 17 != 0) {
                        file.append(type.startsWith("CO") ? "0.8" : Integer.toString(20 + (i + hour) % 60));
                    }
                }
                file.append('\n');
            }
        }
        Path daily = folder.resolve("china_sites_20230105.csv");
        Files.writeString(daily, file);

        int status = tokens.as("city", () -> command.importAll(daily, false));
        assertThat(status).isZero();
        JsonNode batch = Api.json(as("city").get("/api/imports")).get(0);
        assertThat(batch.get("fileName").asString()).isEqualTo("china_sites_20230105.csv");
        assertThat(batch.get("rejected").asLong()).isZero();
        assertThat(batch.get("unchanged").asLong()).isZero();
        assertThat(batch.get("received").asLong()).isEqualTo(batch.get("inserted").asLong());
        long registered = codes.stream().filter(c -> jdbc.sql("SELECT count(*) FROM monitoring_station WHERE code = ?")
                .param(c).query(Long.class).single() > 0).count();
        assertThat(batch.get("foreignStations").asLong()).isEqualTo(codes.size() - registered);
        assertThat(batch.get("foreignStations").asLong()).isGreaterThan(1900);
    }

    @Test
    void refusesAFileThatIsNotInTheLayout() {
        Api city = as("city");
        var response = city.upload("/api/imports/china-sites", "x.csv", "station,value\n1047A,3\n".getBytes());
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("date,hour,type");
    }
}
