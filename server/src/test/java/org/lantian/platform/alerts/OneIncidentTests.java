package org.lantian.platform.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.MutableClock;
import org.lantian.standards.BeijingTime;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * One station-hour over every seeded station rule makes one ticket, the next hour merges into it, and a
 * regional episode (the whole city as high) pushes no absolute-threshold ticket.
 */
class OneIncidentTests extends ApiTest {

    static final LocalDate DAY = LocalDate.of(2027, 3, 9);

    @Autowired
    MutableClock clock;

    @AfterEach
    void releaseClock() {
        clock.reset();
    }

    static Instant at(int hour, int minute) {
        return LocalDateTime.of(DAY, LocalTime.MIN).plusHours(hour).plusMinutes(minute).atZone(BeijingTime.ZONE).toInstant();
    }

    private void station(String code, String stationClass, String county) {
        var created = as("city").post("/api/stations", """
                {"code":"%s","name":"事件站%s","city":"邯郸","pollutants":["PM2_5","PM10"],"stationClass":"%s","countyCode":"%s",
                 "lon":114.40,"lat":36.50,"inCityAssessment":false,"validFrom":"2026-01-01","reason":"测试"}"""
                .formatted(code, code, stationClass, county));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    }

    private void observe(int hour, String... stationPm25Pm10) {
        clock.freezeAt(at(hour, 5));
        List<String> rows = new ArrayList<>();
        for (String s : stationPm25Pm10) {
            String[] v = s.split(":");
            rows.add("{\"station\":\"%s\",\"pollutant\":\"PM2_5\",\"periodEnd\":\"%s %02d:00\",\"value\":\"%s\"}".formatted(v[0], DAY, hour, v[1]));
            rows.add("{\"station\":\"%s\",\"pollutant\":\"PM10\",\"periodEnd\":\"%s %02d:00\",\"value\":\"%s\"}".formatted(v[0], DAY, hour, v[2]));
        }
        var response = as("city").post("/api/observations", "{\"source\":\"incident\",\"observations\":[" + String.join(",", rows) + "]}");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication WHERE completion_date IS NULL
                   AND (event_type LIKE '%ObservationsRecorded' OR event_type LIKE '%StationHoursComputed')""").query(Integer.class).single() == 0);
    }

    private List<JsonNode> ticketsAt(String station) {
        List<JsonNode> found = new ArrayList<>();
        Api.json(as("city").get("/api/alerts/tickets?from=" + at(0, 0) + "&to=" + at(24, 0)))
                .forEach(t -> {
                    if (station.equals(t.get("placeCode").asString())) {
                        found.add(t);
                    }
                });
        return found;
    }

    @Test
    void everyRuleAtOnePlaceIsOneTicketAndTheNextHourMerges() {
        station("OI1", "TOWNSHIP", "130406");
        station("OI2", "COUNTY", "130406");
        observe(1, "OI1:50:80", "OI2:50:80");
        // OI1: PM2.5 400 (heavy, a rise of 350, the worst township station), PM10 600 (heavy); the county mean stays 50
        observe(2, "OI1:400:600", "OI2:50:80");
        List<JsonNode> tickets = ticketsAt("OI1");
        assertThat(tickets).hasSize(1);
        JsonNode ticket = tickets.get(0);
        assertThat(ticket.get("triggers").asInt()).isEqualTo(4);   // PM10 heavy, PM2.5 heavy, PM2.5 rise, worst three
        List<String> rules = new ArrayList<>();
        Api.json(as("city").get("/api/alerts/tickets/" + ticket.get("id").asLong() + "/timeline"))
                .forEach(e -> rules.add(e.get("note").asString().split("：")[0]));
        assertThat(rules).containsExactly("PM10 小时浓度达重度污染", "PM2.5 小时浓度达重度污染", "PM2.5 1 小时突升", "乡镇站 AQI 全市前三且超过 150");

        // the next hour: still heavy, and now two hours above the county mean: all merge, no second ticket
        observe(3, "OI1:420:650", "OI2:50:80");
        tickets = ticketsAt("OI1");
        assertThat(tickets).hasSize(1);
        assertThat(tickets.get(0).get("triggers").asInt()).isEqualTo(8);   // PM10, PM2.5 heavy, above county, worst three
        assertThat(tickets.get(0).get("peakValue").decimalValue()).isEqualByComparingTo("650");   // its first pollutant, PM10
        assertThat(ticketsAt("OI2")).isEmpty();
    }

    @Test
    void aRegionalEpisodePushesNoAbsoluteThresholdTickets() {
        station("RE1", "TOWNSHIP", "130407");
        // the city's own stations are all high: the city mean of PM2.5 is 180
        clock.freezeAt(at(10, 5));
        List<String> rows = new ArrayList<>();
        for (String national : List.of("1049A", "1050A", "1048A")) {
            rows.add("{\"station\":\"%s\",\"pollutant\":\"PM2_5\",\"periodEnd\":\"%s 10:00\",\"value\":\"180\"}".formatted(national, DAY));
        }
        as("city").post("/api/observations", "{\"source\":\"regional\",\"observations\":[" + String.join(",", rows) + "]}");
        // a station as high as the city around it is the region's pollution, not a local source
        observe(10, "RE1:190:200");
        assertThat(ticketsAt("RE1")).extracting(t -> t.get("title").asString())
                .noneMatch(title -> title.startsWith("PM2.5 小时浓度达重度污染"));
        // one standing 30 % above the city mean is
        observe(11, "RE1:260:300", "1049A:180:200", "1050A:180:200", "1048A:180:200");
        assertThat(ticketsAt("RE1")).extracting(t -> t.get("title").asString())
                .anyMatch(title -> title.startsWith("PM2.5 小时浓度达重度污染") || title.startsWith("乡镇站"));
        JsonNode ticket = ticketsAt("RE1").get(0);
        List<String> notes = new ArrayList<>();
        Api.json(as("city").get("/api/alerts/tickets/" + ticket.get("id").asLong() + "/timeline")).forEach(e -> notes.add(e.get("note").asString()));
        assertThat(notes).anyMatch(n -> n.startsWith("PM2.5 小时浓度达重度污染") && n.contains("11 时"));
        assertThat(notes).noneMatch(n -> n.startsWith("PM2.5 小时浓度达重度污染") && n.contains("10 时"));
    }
}
