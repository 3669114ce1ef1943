package org.lantian.platform.airquality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.identity.Actors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** A bad value can never break a batch: it is refused and named, and one station's failure stops no other. */
class BadValuesTests extends ApiTest {

    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    @Autowired
    RealTimeResults results;
    @Autowired
    RecomputationFailures failures;
    @Autowired
    Actors actors;
    @Autowired
    TransactionTemplate transactions;

    private static String item(String station, String pollutant, Instant end, String value) {
        return "{\"station\":\"" + station + "\",\"pollutant\":\"" + pollutant + "\",\"periodEnd\":\"" + BEIJING.format(end)
                + "\",\"value\":\"" + value + "\"}";
    }

    @Test
    void overflowNanInfinityAndHugeValuesAreRefusedByNameAndTheGenuineHighValueInTheSameBatchRaisesItsTicket() {
        // an hour the demo data already have (so "now" stays the demo's), recent enough for the rules
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
        // the genuine value may replace a simulated one of this hour: the reason makes that revision allowed
        String batch = "{\"source\":\"logger\",\"reason\":\"设备补传\",\"observations\":[" + String.join(",",
                item("1049A", "PM2_5", hour, "3.4028235E+38"),
                item("1049A", "PM10", hour, "NaN"),
                item("1049A", "SO2", hour, "Infinity"),
                item("1049A", "NO2", hour, "1e308"),
                item("1049A", "CO", hour, "-Infinity"),
                item("3579A", "PM2_5", hour, "400")) + "]}";
        JsonNode report = Api.json(as("city").post("/api/observations", batch));
        assertThat(report.get("rejected").asInt()).isEqualTo(5);
        assertThat(report.get("errors").findValuesAsString("line")).containsExactly("1", "2", "3", "4", "5");
        assertThat(report.get("errors").get(0).get("reason").asString()).contains("3.4028235E+38", "超出可信范围");
        assertThat(report.get("errors").get(1).get("reason").asString()).contains("NaN");
        assertThat(report.get("errors").get(3).get("reason").asString()).contains("超出可信范围");
        assertThat(report.get("inserted").asInt() + report.get("revised").asInt()).isEqualTo(1);

        // raised, or merged into the open ticket of the place: either way the trigger is in its timeline
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM alerts_ticket_event e JOIN alerts_ticket t ON t.id = e.ticket_id
                         WHERE t.place_code = '3579A' AND e.note LIKE '%PM2.5 400 %'""")
                .query(Long.class).single() > 0);
        assertThat(jdbc.sql("SELECT pm25 FROM airquality_station_hour WHERE station_code = '3579A' AND hour_end = ?")
                .param(Timestamp.from(hour)).query(BigDecimal.class).single()).isEqualByComparingTo("400");
    }

    @Test
    void oneStationThatCannotBeComputedStopsNoOtherAndTheOfficeIsTold() {
        Instant hour = Instant.parse("2024-03-05T02:00:00Z");
        String batch = "{\"source\":\"t\",\"observations\":[" + String.join(",",
                item("1049A", "PM2_5", hour, "35"), item("1050A", "PM2_5", hour, "50")) + "]}";
        as("city").post("/api/observations", batch);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT count(*) FROM airquality_station_hour WHERE hour_end = ? AND station_code IN ('1049A', '1050A')")
                .param(Timestamp.from(hour)).query(Long.class).single() == 2);
        // a value no ingestion path accepts, written past every check: the recomputation of 1049A must fail
        jdbc.sql("""
                INSERT INTO monitoring_observation (station_code, pollutant, averaging, period_end, revision, value, flag, batch_id, recorded_at)
                SELECT station_code, pollutant, averaging, period_end, revision + 1, -5, flag, batch_id, now()
                  FROM monitoring_observation WHERE station_code = '1049A' AND pollutant = 'PM2_5' AND period_end = ?
                 ORDER BY revision DESC LIMIT 1""").param(Timestamp.from(hour)).update();
        jdbc.sql("""
                INSERT INTO monitoring_observation (station_code, pollutant, averaging, period_end, revision, value, flag, batch_id, recorded_at)
                SELECT station_code, pollutant, averaging, period_end, revision + 1, 60, flag, batch_id, now()
                  FROM monitoring_observation WHERE station_code = '1050A' AND pollutant = 'PM2_5' AND period_end = ?
                 ORDER BY revision DESC LIMIT 1""").param(Timestamp.from(hour)).update();

        transactions.executeWithoutResult(t -> actors.asSystem(() -> results.recompute(Set.of("1049A", "1050A"), hour, hour)));

        assertThat(jdbc.sql("SELECT pm25 FROM airquality_station_hour WHERE station_code = '1050A' AND hour_end = ?")
                .param(Timestamp.from(hour)).query(BigDecimal.class).single()).isEqualByComparingTo("60");
        assertThat(jdbc.sql("SELECT pm25 FROM airquality_station_hour WHERE station_code = '1049A' AND hour_end = ?")
                .param(Timestamp.from(hour)).query(BigDecimal.class).single()).as("the failing station keeps what it had")
                .isEqualByComparingTo("35");
        List<RecomputationFailures.Failure> open = failures.open(10);
        assertThat(open).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("1049A");
            assertThat(f.error()).contains("negative");
        });
        assertThat(failures.health().getStatus().getCode()).isEqualTo("DEGRADED");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM alerts_ticket t JOIN alerts_rule r ON r.id = t.rule_id
                         WHERE r.code = 'RECOMPUTE_FAILED' AND t.place_code = 'STATION:1049A' AND t.county_code = '130400'""")
                .query(Long.class).single() == 1);

        // corrected data: the next recomputation succeeds and resolves the failure
        jdbc.sql("""
                INSERT INTO monitoring_observation (station_code, pollutant, averaging, period_end, revision, value, flag, batch_id, recorded_at)
                SELECT station_code, pollutant, averaging, period_end, revision + 1, 36, flag, batch_id, now()
                  FROM monitoring_observation WHERE station_code = '1049A' AND pollutant = 'PM2_5' AND period_end = ?
                 ORDER BY revision DESC LIMIT 1""").param(Timestamp.from(hour)).update();
        transactions.executeWithoutResult(t -> actors.asSystem(() -> results.recompute(Set.of("1049A"), hour, hour)));
        assertThat(failures.open(10)).noneMatch(f -> f.code().equals("1049A"));
        assertThat(failures.health().getStatus().getCode()).isEqualTo("UP");
    }
}
