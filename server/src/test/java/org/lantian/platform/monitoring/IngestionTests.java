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
        return submit(city, null, items);
    }

    private static JsonNode submit(Api as, String reason, String items) {
        var response = as.post("/api/observations", "{\"source\":\"test\"," + (reason == null ? "" : "\"reason\":\"" + reason + "\",")
                + "\"observations\":[" + items + "]}");
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
        JsonNode changed = submit(city, "校准更正", "{\"station\":\"1049A\",\"pollutant\":\"NO2\",\"periodEnd\":\"2024-02-01 10:00\",\"value\":\"42\"}");
        JsonNode flagged = submit(city, "标记维护", "{\"station\":\"1049A\",\"pollutant\":\"NO2\",\"periodEnd\":\"2024-02-01 10:00\",\"value\":\"42\",\"flag\":\"M\"}");

        assertThat(changed.get("revised").asLong()).isEqualTo(1);
        assertThat(flagged.get("revised").asLong()).isEqualTo(1);
        assertThat(stored("1049A", "NO2", "2024-02-01T10:00+08:00")).containsExactly("1:40:N", "2:42:N", "3:42:M");
    }

    /**
     * Counties are assessed on these values: a revision needs a reason, an assessed station (national,
     * provincial, county) the city office, a reviewed month the city office; each shows old and new.
     */
    @Test
    void onlyTheOwnerRevisesAssessedDataWithAReasonAndEveryRevisionShowsOldAndNew() {
        String first = "{\"station\":\"1049A\",\"pollutant\":\"SO2\",\"periodEnd\":\"2024-02-03 10:00\",\"value\":\"12\"}";
        String second = first.replace("\"12\"", "\"15\"");
        submit(first);
        JsonNode silent = submit(second);
        assertThat(silent.get("revised").asLong()).isZero();
        assertThat(silent.get("rejected").asLong()).isEqualTo(1);
        assertThat(silent.get("errors").get(0).get("reason").asString()).contains("修订理由", "原值 12", "新值 15");
        assertThat(stored("1049A", "SO2", "2024-02-03T10:00+08:00")).containsExactly("1:12:N");

        JsonNode reasoned = submit(city, "复核后更正", second);
        assertThat(reasoned.get("revised").asLong()).isEqualTo(1);
        assertThat(reasoned.get("revisions").get(0).get("oldValue").asString()).isEqualTo("12");
        assertThat(reasoned.get("revisions").get(0).get("newValue").asString()).isEqualTo("15");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM identity_audit_entry WHERE action = 'monitoring.observations.revised' AND target_id = ?
                           AND reason = '复核后更正'""").param(reasoned.get("batchId").asString()).query(Long.class).single()).isEqualTo(1);

        String countyStation = jdbc.sql("""
                SELECT station_code FROM monitoring_station_version WHERE county_code = '130403' AND station_class = 'COUNTY' LIMIT 1""")
                .query(String.class).single();
        String township = jdbc.sql("""
                SELECT station_code FROM monitoring_station_version WHERE county_code = '130403' AND station_class = 'TOWNSHIP' LIMIT 1""")
                .query(String.class).single();
        Api congtai = as("congtai");
        String own = "{\"station\":\"" + countyStation + "\",\"pollutant\":\"NO2\",\"periodEnd\":\"2024-02-03 10:00\",\"value\":\"30\"}";
        assertThat(submit(congtai, null, own).get("inserted").asLong()).as("a new value is the county's to send").isEqualTo(1);
        JsonNode countyRevision = submit(congtai, "我县核实", own.replace("\"30\"", "\"20\""));
        assertThat(countyRevision.get("revised").asLong()).isZero();
        assertThat(countyRevision.get("errors").get(0).get("reason").asString()).contains("只有市大气办可以修订");

        String townshipValue = "{\"station\":\"" + township + "\",\"pollutant\":\"NO2\",\"periodEnd\":\"2024-02-03 10:00\",\"value\":\"30\"}";
        submit(congtai, null, townshipValue);
        assertThat(submit(congtai, "乡镇站核实", townshipValue.replace("\"30\"", "\"25\"")).get("revised").asLong()).isEqualTo(1);
        jdbc.sql("INSERT INTO airquality_reviewed_month (month, batch_id, reviewed_by, reviewed_at) VALUES ('2024-02-01', 0, 'city', now())")
                .update();
        try {
            JsonNode reviewed = submit(congtai, "再次核实", townshipValue.replace("\"30\"", "\"22\""));
            assertThat(reviewed.get("revised").asLong()).isZero();
            assertThat(reviewed.get("errors").get(0).get("reason").asString()).contains("已经审核");
            assertThat(submit(city, "审核后更正", townshipValue.replace("\"30\"", "\"22\"")).get("revised").asLong()).isEqualTo(1);
        } finally {
            jdbc.sql("DELETE FROM airquality_reviewed_month WHERE month = '2024-02-01'").update();
        }
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
                {"station":"1049A","pollutant":"SO2","periodEnd":"2024-03-01 05:00","value":"9"},
                {"station":"1049A","pollutant":"SO2","periodEnd":"2023-02-29 05:00","value":"9"}""");
        assertThat(report.get("received").asLong()).isEqualTo(12);
        assertThat(report.get("inserted").asLong()).isEqualTo(2);
        assertThat(report.get("rejected").asLong()).isEqualTo(10);
        List<String> errors = new java.util.ArrayList<>();
        report.get("errors").forEach(e -> errors.add(e.get("line").asLong() + " " + e.get("field").asString()));
        assertThat(errors).containsExactly("2 station", "3 pollutant", "4 period_end", "5 value", "6 value",
                "7 period_end", "8 period_end", "9 flag", "10 averaging", "12 period_end");
        assertThat(report.get("errors").get(0).get("reason").asString()).contains("未知站点“NOPE1”");

        long batch = report.get("batchId").asLong();
        JsonNode stored = Api.json(city.get("/api/imports/" + batch + "/errors"));
        assertThat(stored.size()).isEqualTo(10);
        assertThat(stored("1049A", "SO2", "2024-03-01T05:00+08:00")).containsExactly("1:9:N");
        assertThat(stored("1049A", "SO2", "2023-02-28T05:00+08:00")).as("a day that does not exist is not moved to another").isEmpty();
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
