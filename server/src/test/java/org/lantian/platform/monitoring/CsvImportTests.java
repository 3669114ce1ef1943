package org.lantian.platform.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import tools.jackson.databind.JsonNode;

class CsvImportTests extends ApiTest {


    @Test
    void reportsBadLinesByNumberAndStoresTheRest() {
        String csv = """
                station,pollutant,averaging,period_end,value,flag
                1050A,PM2_5,1h,2024-06-01 01:00,31,N
                1050A,PM2_5,1h,2024-06-01 02:00,oops,N
                1050A,PM2_5,1h,2024-06-01 03:00
                1050A,PM2.5,,2024-06-01 04:00,33,
                1050A,PM2_5,1d,2024-06-02 00:00,32.5,N
                1050A,PM2_5,1d,2024-06-02 01:00,32.5,N
                """;
        var response = as("city").upload("/api/imports/csv", "june.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        JsonNode report = Api.json(response);
        assertThat(report.get("received").asLong()).isEqualTo(6);
        assertThat(report.get("inserted").asLong()).isEqualTo(3);
        assertThat(report.get("rejected").asLong()).isEqualTo(3);
        assertThat(report.get("errors").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(report.get("errors").get(0).get("field").asString()).isEqualTo("value");
        assertThat(report.get("errors").get(1).get("line").asLong()).isEqualTo(4);
        assertThat(report.get("errors").get(1).get("reason").asString()).contains("4 个字段", "6 个");
        assertThat(report.get("errors").get(2).get("line").asLong()).isEqualTo(7);
        assertThat(report.get("errors").get(2).get("reason").asString()).contains("零点");

        assertThat(jdbc.sql("""
                        SELECT averaging || ' ' || value || ' ' || flag FROM monitoring_observation
                         WHERE station_code = '1050A' AND period_end BETWEEN '2024-06-01 01:00+08' AND '2024-06-02 00:00+08'
                         ORDER BY period_end""").query(String.class).list())
                .containsExactly("1h 31 N", "1h 33 N", "1d 32.5 N");
    }

    private JsonNode upload(String csv) {
        var response = as("city").upload("/api/imports/csv", "file.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return Api.json(response);
    }

    private java.util.List<String> stored(String station, String from, String to) {
        return jdbc.sql("""
                        SELECT pollutant || ' ' || to_char(period_end AT TIME ZONE 'Asia/Shanghai', 'MM-DD HH24:MI') || ' r'
                               || revision || ' ' || value || ' ' || flag || ' b' || batch_id
                          FROM monitoring_observation
                         WHERE station_code = ? AND period_end BETWEEN ?::timestamptz AND ?::timestamptz
                         ORDER BY pollutant, period_end, revision""")
                .params(station, from, to).query(String.class).list();
    }

    @Test
    void aFileOfNewValuesIsStoredAsFirstRevisionsWithTheDigitsSent() {
        // times and pollutants interleaved, as files come: the store sorts by key on the way, it must keep every row
        JsonNode report = upload("""
                station,pollutant,averaging,period_end,value,flag
                1047A,SO2,1h,2019-07-01 02:00,7.50,N
                1047A,CO,1h,2019-07-01 01:00,0.700,N
                1047A,SO2,1h,2019-07-01 01:00,6,H
                1047A,CO,1h,2019-07-01 02:00,0.8,N
                """);
        long batch = report.get("batchId").asLong();
        assertThat(report.get("inserted").asLong()).isEqualTo(4);
        assertThat(stored("1047A", "2019-07-01 01:00+08", "2019-07-01 02:00+08")).containsExactly(
                "CO 07-01 01:00 r1 0.700 N b" + batch, "CO 07-01 02:00 r1 0.8 N b" + batch,
                "SO2 07-01 01:00 r1 6 H b" + batch, "SO2 07-01 02:00 r1 7.50 N b" + batch);
        assertThat(jdbc.sql("SELECT count(*) FROM monitoring_observation WHERE batch_id = ? AND recorded_at IS NOT NULL")
                .param(batch).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void aFileThatTouchesStoredValuesFollowsTheRevisionRules() {
        upload("""
                station,pollutant,averaging,period_end,value,flag
                1048A,NO2,1h,2019-08-01 01:00,20,N
                1048A,NO2,1h,2019-08-01 02:00,21,N
                """);
        String again = """
                station,pollutant,averaging,period_end,value,flag
                1048A,NO2,1h,2019-08-01 01:00,20,N
                1048A,NO2,1h,2019-08-01 02:00,25,N
                1048A,NO2,1h,2019-08-01 03:00,22,N
                """;
        var silent = Api.json(as("city").upload("/api/imports/csv", "again.csv", again.getBytes(StandardCharsets.UTF_8)));
        assertThat(silent.get("inserted").asLong()).isEqualTo(1);
        assertThat(silent.get("unchanged").asLong()).isEqualTo(1);
        assertThat(silent.get("rejected").asLong()).isEqualTo(1);
        assertThat(silent.get("errors").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(silent.get("errors").get(0).get("reason").asString()).contains("修订理由", "原值 21", "新值 25");

        var reasoned = Api.json(as("city").form("/api/imports/csv", java.util.Map.of("reason", "复核后更正"), "file",
                java.util.Map.of("again.csv", again.getBytes(StandardCharsets.UTF_8))));
        assertThat(reasoned.get("revised").asLong()).isEqualTo(1);
        assertThat(reasoned.get("unchanged").asLong()).isEqualTo(2);
        assertThat(stored("1048A", "2019-08-01 01:00+08", "2019-08-01 03:00+08")).extracting(r -> r.substring(0, r.lastIndexOf(' ')))
                .containsExactly("NO2 08-01 01:00 r1 20 N", "NO2 08-01 02:00 r1 21 N", "NO2 08-01 02:00 r2 25 N",
                        "NO2 08-01 03:00 r1 22 N");
    }

    @Test
    void aLineRepeatedInOneFileWithAnotherValueIsRefusedNamingTheFirst() {
        JsonNode report = upload("""
                station,pollutant,averaging,period_end,value,flag
                1049A,O3,1h,2019-09-01 01:00,80,N
                1049A,O3,1h,2019-09-01 02:00,81,N
                1049A,O3,1h,2019-09-01 01:00,80,N
                1049A,O3,1h,2019-09-01 02:00,90,N
                """);
        assertThat(report.get("inserted").asLong()).isEqualTo(2);
        assertThat(report.get("unchanged").asLong()).isEqualTo(1);
        assertThat(report.get("rejected").asLong()).isEqualTo(1);
        assertThat(report.get("errors").get(0).get("line").asLong()).isEqualTo(5);
        assertThat(report.get("errors").get(0).get("reason").asString()).contains("第 3 行");
        assertThat(stored("1049A", "2019-09-01 01:00+08", "2019-09-01 02:00+08")).extracting(r -> r.substring(0, r.lastIndexOf(' ')))
                .containsExactly("O3 09-01 01:00 r1 80 N", "O3 09-01 02:00 r1 81 N");
    }

    @org.springframework.beans.factory.annotation.Autowired
    ImportCommand command;

    @Test
    void theImportCommandReadsAFileFromDiskTheSameWay(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        java.nio.file.Path csv = folder.resolve("bulk.csv");
        java.nio.file.Files.writeString(csv, """
                station,pollutant,averaging,period_end,value,flag
                1047A,PM10,1h,2019-10-01 02:00,61,N
                1047A,PM10,1h,2019-10-01 01:00,60,N
                1047A,PM10,1h,2019-10-01 03:00,sixty,N
                """);
        assertThat(tokens.as("city", () -> command.importAll(csv, true))).as("a rejected row makes the status 1").isEqualTo(1);
        assertThat(stored("1047A", "2019-10-01 01:00+08", "2019-10-01 03:00+08")).extracting(r -> r.substring(0, r.lastIndexOf(' ')))
                .containsExactly("PM10 10-01 01:00 r1 60 N", "PM10 10-01 02:00 r1 61 N");
        assertThat(tokens.as("city", () -> command.importAll(folder.resolve("missing.csv"), true))).isEqualTo(2);
    }
}
