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
}
