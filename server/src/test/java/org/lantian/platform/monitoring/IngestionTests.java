package org.lantian.platform.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.RecordedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class IngestionTests extends ApiTest {

    @Autowired
    RecordedEvents recorded;

    Api city;

    @BeforeEach
    void signIn() {
        city = as("city");
    }

    private JsonNode submit(String items) {
        var response = city.post("/api/observations", "{\"source\":\"test\",\"observations\":[" + items + "]}");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return Api.json(response);
    }

    private List<String> stored(String station, String pollutant, String periodEnd) {
        return jdbc.sql("""
                        SELECT revision || ':' || value || ':' || flag FROM monitoring_observation
                         WHERE station_code = ? AND pollutant = ? AND period_end = ?::timestamptz ORDER BY revision""")
                .params(station, pollutant, periodEnd).query(String.class).list();
    }

    @Test
    void storesExactlyWhatWasSentAndNothingTwice() {
        String items = """
                {"station":"1049A","pollutant":"PM2.5","periodEnd":"2024-01-05 08:00","value":"35"},
                {"station":"1049A","pollutant":"CO","periodEnd":"2024-01-05T08:00+08:00","value":"0.80","flag":"N"},
                {"station":"1049A","pollutant":"O3","averaging":"1h","periodEnd":"2024-01-05T00:00:00Z","value":"12"}""";
        JsonNode first = submit(items);
        assertThat(first.get("received").asLong()).isEqualTo(3);
        assertThat(first.get("inserted").asLong()).isEqualTo(3);
        assertThat(first.get("rejected").asLong()).isZero();
        assertThat(stored("1049A", "PM2_5", "2024-01-05T08:00+08:00")).containsExactly("1:35:N");
        assertThat(stored("1049A", "CO", "2024-01-05T08:00+08:00")).containsExactly("1:0.80:N");
        assertThat(stored("1049A", "O3", "2024-01-05T08:00+08:00")).containsExactly("1:12:N");

        JsonNode again = submit(items);
        assertThat(again.get("inserted").asLong()).isZero();
        assertThat(again.get("revised").asLong()).isZero();
        assertThat(again.get("unchanged").asLong()).isEqualTo(3);
        assertThat(stored("1049A", "PM2_5", "2024-01-05T08:00+08:00")).containsExactly("1:35:N");
    }

    @Test
    void aChangedValueBecomesARevisionAndTheOldOneIsKept() {
        submit("{\"station\":\"1049A\",\"pollutant\":\"NO2\",\"periodEnd\":\"2024-02-01 10:00\",\"value\":\"40\"}");
        JsonNode changed = submit("{\"station\":\"1049A\",\"pollutant\":\"NO2\",\"periodEnd\":\"2024-02-01 10:00\",\"value\":\"42\"}");
        JsonNode flagged = submit("{\"station\":\"1049A\",\"pollutant\":\"NO2\",\"periodEnd\":\"2024-02-01 10:00\",\"value\":\"42\",\"flag\":\"M\"}");

        assertThat(changed.get("revised").asLong()).isEqualTo(1);
        assertThat(flagged.get("revised").asLong()).isEqualTo(1);
        assertThat(stored("1049A", "NO2", "2024-02-01T10:00+08:00")).containsExactly("1:40:N", "2:42:N", "3:42:M");
    }

    @Test
    void reportsEveryBadRowAndKeepsTheGoodOnes() {
        JsonNode report = submit("""
                {"station":"1049A","pollutant":"SO2","periodEnd":"2024-03-01 01:00","value":"7"},
                {"station":"NOPE1","pollutant":"SO2","periodEnd":"2024-03-01 01:00","value":"7"},
                {"station":"1049A","pollutant":"XYZ","periodEnd":"2024-03-01 01:00","value":"7"},
                {"station":"1049A","pollutant":"SO2","periodEnd":"yesterday","value":"7"},
                {"station":"1049A","pollutant":"SO2","periodEnd":"2024-03-01 02:00","value":"seven"},
                {"station":"1049A","pollutant":"SO2","periodEnd":"2024-03-01 03:00","value":"-1"},
                {"station":"1049A","pollutant":"SO2","periodEnd":"2024-03-01 03:30","value":"5"},
                {"station":"1049A","pollutant":"SO2","periodEnd":"2099-01-01 00:00","value":"5"},
                {"station":"1049A","pollutant":"SO2","periodEnd":"2024-03-01 04:00","value":"5","flag":"N\\tX"},
                {"station":"1049A","pollutant":"SO2","averaging":"8h","periodEnd":"2024-03-01 04:00","value":"5"},
                {"station":"1049A","pollutant":"SO2","periodEnd":"2024-03-01 05:00","value":"9"}""");
        assertThat(report.get("received").asLong()).isEqualTo(11);
        assertThat(report.get("inserted").asLong()).isEqualTo(2);
        assertThat(report.get("rejected").asLong()).isEqualTo(9);
        List<String> errors = new java.util.ArrayList<>();
        report.get("errors").forEach(e -> errors.add(e.get("line").asLong() + " " + e.get("field").asString()));
        assertThat(errors).containsExactly("2 station", "3 pollutant", "4 period_end", "5 value", "6 value",
                "7 period_end", "8 period_end", "9 flag", "10 averaging");
        assertThat(report.get("errors").get(0).get("reason").asString()).contains("未知站点“NOPE1”");

        long batch = report.get("batchId").asLong();
        JsonNode stored = Api.json(city.get("/api/imports/" + batch + "/errors"));
        assertThat(stored.size()).isEqualTo(9);
        assertThat(stored("1049A", "SO2", "2024-03-01T05:00+08:00")).containsExactly("1:9:N");
    }

    @Test
    void aRepeatWithinOneRequestIsUnchangedButAConflictingOneIsRejected() {
        JsonNode report = submit("""
                {"station":"1050A","pollutant":"PM10","periodEnd":"2024-04-01 01:00","value":"70"},
                {"station":"1050A","pollutant":"PM10","periodEnd":"2024-04-01 01:00","value":"70"},
                {"station":"1050A","pollutant":"PM10","periodEnd":"2024-04-01 01:00","value":"71"}""");
        assertThat(report.get("inserted").asLong()).isEqualTo(1);
        assertThat(report.get("unchanged").asLong()).isEqualTo(1);
        assertThat(report.get("rejected").asLong()).isEqualTo(1);
        assertThat(report.get("errors").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(report.get("errors").get(0).get("reason").asString()).contains("第 1 行");
        assertThat(stored("1050A", "PM10", "2024-04-01T01:00+08:00")).containsExactly("1:70:N");
    }

    @Test
    void publishesOneEventPerBatchThatStoredSomething() {
        recorded.clear();
        JsonNode report = submit("""
                {"station":"1048A","pollutant":"O3","periodEnd":"2024-05-01 13:00","value":"120"},
                {"station":"1047A","pollutant":"O3","periodEnd":"2024-05-01 14:00","value":"130"}""");
        submit("{\"station\":\"1048A\",\"pollutant\":\"O3\",\"periodEnd\":\"2024-05-01 13:00\",\"value\":\"120\"}");

        List<ObservationsRecorded> events = recorded.ofType(ObservationsRecorded.class);
        assertThat(events).hasSize(1);
        ObservationsRecorded event = events.get(0);
        assertThat(event.batchId()).isEqualTo(report.get("batchId").asLong());
        assertThat(event.stationCodes()).containsExactlyInAnyOrder("1047A", "1048A");
        assertThat(event.firstPeriodEnd()).isEqualTo(Instant.parse("2024-05-01T05:00:00Z"));
        assertThat(event.lastPeriodEnd()).isEqualTo(Instant.parse("2024-05-01T06:00:00Z"));
        assertThat(event.inserted()).isEqualTo(2);
    }

    @Test
    void anUnreadableRequestIsA400NotAHalfImport() {
        var response = city.upload("/api/imports/csv", "x.csv", "a,b\n1,2\n".getBytes());
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("station", "period_end");
    }
}
