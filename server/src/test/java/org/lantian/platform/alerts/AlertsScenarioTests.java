package org.lantian.platform.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.MutableClock;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.geo.LonLat;
import org.lantian.standards.BeijingTime;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A day of observations through the real ingestion path, with the clock stopped and moved by hand: one
 * ticket per incident whichever rules fire there, merges, escalations, a return with its rework deadline, the
 * evidence rule, a fire point pushed twice, the effect check, and the assessment's figures exactly.
 *
 * <pre>
 * PM2.5 (µg/m³), hour ends of 2027-01-12:  01  02  03   04   05   06  07
 * SC1 邯山 township                         40  45  160  170  60   55  50
 * SC2 邯山 township                         40  40  40   40   120  40  40
 * SC3 丛台 township                         40  40  —    —    —    —   —     (silent after 02:00)
 * SC4 邯山 county-class (the county mean)   50  50  50   50   50   50  50
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertsScenarioTests extends ApiTest {

    static final java.time.LocalDate DAY = java.time.LocalDate.of(2027, 1, 12);
    static final Map<String, int[]> PM25 = Map.of(
            "SC1", new int[] {40, 45, 160, 170, 60, 55, 50},
            "SC2", new int[] {40, 40, 40, 40, 120, 40, 40},
            "SC3", new int[] {40, 40},
            "SC4", new int[] {50, 50, 50, 50, 50, 50, 50});

    @Autowired
    MutableClock clock;
    @Autowired
    Deadlines deadlines;
    @Autowired
    Detection detection;
    @Autowired
    Divisions divisions;

    @BeforeAll
    void registerStations() {
        station("SC1", "情景乡镇站一", "TOWNSHIP", "130402");
        station("SC2", "情景乡镇站二", "TOWNSHIP", "130402");
        station("SC3", "情景乡镇站三", "TOWNSHIP", "130403");
        station("SC4", "情景县控点", "COUNTY", "130402");
    }

    @AfterAll
    void releaseClock() {
        clock.reset();
    }

    private void station(String code, String name, String stationClass, String county) {
        var created = as("city").post("/api/stations", """
                {"code":"%s","name":"%s","city":"邯郸","pollutants":["PM2_5"],"stationClass":"%s","countyCode":"%s",
                 "lon":114.50,"lat":36.60,"inCityAssessment":false,"validFrom":"2026-01-01","reason":"情景测试"}"""
                .formatted(code, name, stationClass, county));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    }

    static Instant at(int hour, int minute) {
        return LocalDateTime.of(DAY, java.time.LocalTime.MIN).plusHours(hour).plusMinutes(minute).atZone(BeijingTime.ZONE).toInstant();
    }

    /** Moves the clock to hh:mm of the scenario day. */
    void clockAt(int hour, int minute) {
        clock.freezeAt(at(hour, minute));
    }

    /** The hour ending at {@code hour}:00 arrives at hh:05 and is processed before the test goes on. */
    void observe(int hour) {
        clockAt(hour, 5);
        StringBuilder rows = new StringBuilder();
        PM25.forEach((station, values) -> {
            if (hour - 1 < values.length) {
                rows.append(rows.length() == 0 ? "" : ",").append("""
                        {"station":"%s","pollutant":"PM2_5","periodEnd":"%s %02d:00","value":"%d"}""".formatted(station, DAY, hour, values[hour - 1]));
            }
        });
        var response = as("city").post("/api/observations", "{\"source\":\"scenario\",\"observations\":[" + rows + "]}");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        settle();
    }

    /** Waits until the recomputation and the detection of what was just stored have run. */
    void settle() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication WHERE completion_date IS NULL
                   AND (event_type LIKE '%ObservationsRecorded' OR event_type LIKE '%StationHoursComputed')""").query(Integer.class).single() == 0);
    }

    JsonNode tickets() {
        return Api.json(as("city").get("/api/alerts/tickets?from=" + at(0, 0) + "&to=" + at(24, 0)));
    }

    /** Scenario tickets as "RULE@place", oldest first. */
    List<String> summary() {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode t : tickets()) {
            String place = t.get("placeCode").isNull() ? t.get("countyCode").asString() : t.get("placeCode").asString();
            out.add(0, t.get("title").asString().split("：")[0] + "@" + place);
        }
        return out;
    }

    long ticket(String rulePrefix, String place) {
        for (JsonNode t : tickets()) {
            if (t.get("title").asString().startsWith(rulePrefix) && place.equals(t.get("placeCode").asString())) {
                return t.get("id").asLong();
            }
        }
        throw new AssertionError("no ticket " + rulePrefix + "@" + place + " in " + summary());
    }

    JsonNode get(long id) {
        return Api.json(as("city").get("/api/alerts/tickets/" + id));
    }

    List<String> timeline(long id) {
        List<String> out = new java.util.ArrayList<>();
        Api.json(as("city").get("/api/alerts/tickets/" + id + "/timeline")).forEach(e -> out.add(e.get("action").asString()));
        return out;
    }

    int status(org.springframework.http.ResponseEntity<String> response) {
        return response.getStatusCode().value();
    }

    /** A PNG's first bytes: enough for an image the platform takes as evidence. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};

    /** The owner's report with its photo, in one request, as the ticket page and the phone send it. */
    int reportWithPhoto(String user, long id, String reportJson) {
        var parts = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        var json = new org.springframework.http.HttpHeaders();
        json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        parts.add("report", new org.springframework.http.HttpEntity<>(reportJson, json));
        parts.add("photos", new org.springframework.core.io.ByteArrayResource(PNG) {
            @Override
            public String getFilename() {
                return "现场.png";
            }
        });
        var image = new org.springframework.http.HttpHeaders();
        return org.springframework.web.client.RestClient.create("http://localhost:" + port).post()
                .uri("/api/alerts/tickets/" + id + "/report")
                .header("Authorization", "Bearer " + tokens.of(user))
                .contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((request, response) -> response.getStatusCode().value());
    }

    @Test
    void aDayOfHighValues() throws Exception {
        as("hanshan").put("/api/alerts/duty/130402/" + DAY, "{\"person\":\"值班员\",\"leader\":\"赵副区长\",\"leaderPhone\":\"13800000000\"}");
        observe(1);
        observe(2);
        assertThat(summary()).isEmpty();

        // SC1 160: heavy, a sudden rise of 115 and the worst township station with AQI 210 — one incident, one ticket
        observe(3);
        assertThat(summary()).containsExactly("PM2.5 小时浓度达重度污染@SC1");
        long high = ticket("PM2.5 小时浓度达重度污染", "SC1");
        assertThat(get(high).get("triggers").asInt()).isEqualTo(3);
        assertThat(timeline(high)).containsExactly("pushed", "merged", "merged");
        assertThat(Api.json(as("city").get("/api/alerts/tickets/" + high + "/timeline")).get(1).get("note").asString())
                .startsWith("PM2.5 1 小时突升");
        assertThat(get(high).get("disposalDue").asString()).isEqualTo(at(5, 5).toString());
        assertThat(get(high).get("countyCode").asString()).isEqualTo("130402");

        clockAt(3, 25);
        deadlines.run();   // not received by 03:20
        deadlines.run();   // and said once
        assertThat(timeline(high)).containsExactly("pushed", "merged", "merged", "receipt-overdue");
        clockAt(3, 30);
        assertThat(status(as("hanshan").post("/api/alerts/tickets/" + high + "/receive", "{}"))).isEqualTo(200);

        // SC1 170: the same place while the ticket is open: heavy, worst-3, and now 2 hours above the county mean merge in
        observe(4);
        assertThat(summary()).containsExactly("PM2.5 小时浓度达重度污染@SC1");
        assertThat(get(high).get("triggers").asInt()).isEqualTo(6);
        assertThat(get(high).get("peakValue").decimalValue()).isEqualByComparingTo("170");
        observe(4);   // the same hour again (a retransmitted batch) changes nothing
        assertThat(get(high).get("triggers").asInt()).isEqualTo(6);

        clockAt(4, 10);
        assertThat(status(as("hanshan").post("/api/alerts/tickets/" + high + "/report", """
                {"causeCategory":"DUST","measures":"站点周边道路洒水清扫，停止一处土方作业","responders":"光禄镇 张三"}"""))).isEqualTo(200);
        clockAt(4, 15);
        var bare = as("city").post("/api/alerts/tickets/" + high + "/close", "{\"note\":\"核实属实\"}");
        assertThat(status(bare)).as("a report without evidence is not closed").isEqualTo(409);
        assertThat(Api.json(bare).get("detail").asString()).contains("没有现场照片");
        assertThat(status(as("city").post("/api/alerts/tickets/" + high + "/return", "{\"note\":\"未附现场照片\"}"))).isEqualTo(200);
        // the rework gets the ticket's 120 minutes again from the return; the first deadline stays
        assertThat(get(high).get("reworkDue").asString()).isEqualTo(at(6, 15).toString());
        assertThat(get(high).get("disposalDue").asString()).isEqualTo(at(5, 5).toString());

        observe(5);   // SC2 120: a rise of 80 and among the worst three: a new place, a new ticket
        clockAt(5, 6);
        deadlines.run();
        detection.checkSilence();   // SC3 silent since 02:00
        assertThat(summary()).containsExactly("PM2.5 小时浓度达重度污染@SC1", "PM2.5 1 小时突升@SC2", "站点断线 3 小时@SC3");
        long rise = ticket("PM2.5 1 小时突升", "SC2");
        assertThat(get(rise).get("triggers").asInt()).isEqualTo(2);
        assertThat(timeline(high)).as("returned: no escalation on the first deadline").doesNotContain("disposal-overdue");

        clockAt(5, 40);
        assertThat(reportWithPhoto("hanshan", high, """
                {"causeCategory":"DUST","measures":"补充现场照片：道路已洒水，土方作业已停"}""")).isEqualTo(200);
        assertThat(Api.json(as("city").get("/api/alerts/tickets/" + high + "/attachments"))).hasSize(1);
        clockAt(5, 45);
        assertThat(status(as("city").post("/api/alerts/tickets/" + high + "/close", "{\"note\":\"核实属实\"}"))).isEqualTo(200);

        clockAt(6, 0);
        LonLat inWuan = divisions.interiorPoint("130481").orElseThrow();
        JsonNode fire = Api.json(as("city").post("/api/alerts/tickets", """
                {"source":"FIRE_POINT","title":"卫星发现焚烧火点","detail":"秸秆焚烧","lon":%s,"lat":%s,"origin":"卫星"}"""
                .formatted(inWuan.lon(), inWuan.lat())));
        assertThat(fire.get("countyCode").asString()).isEqualTo("130481");
        assertThat(fire.get("disposalDue").asString()).isEqualTo(at(6, 30).toString());
        clockAt(6, 2);
        JsonNode again = Api.json(as("city").post("/api/alerts/tickets", """
                {"source":"FIRE_POINT","title":"巡查发现焚烧火点","lon":%s,"lat":%s,"origin":"巡查"}"""
                .formatted(inWuan.lon() + 0.002, inWuan.lat())));   // ~180 m east: the same fire
        assertThat(again.get("id").asLong()).isEqualTo(fire.get("id").asLong());
        assertThat(again.get("duplicates").asInt()).isEqualTo(1);
        assertThat(timeline(fire.get("id").asLong())).containsExactly("pushed", "duplicate");
        clockAt(6, 0);
        JsonNode dust = Api.json(as("city").post("/api/alerts/tickets", """
                {"source":"MANUAL","title":"群众举报工地扬尘","detail":"某工地未苫盖","countyCode":"130403","disposalMinutes":120}"""));
        var photo = as("city").upload("/api/alerts/tickets/" + dust.get("id").asLong() + "/attachments", "举报照片.png", PNG);
        assertThat(status(photo)).as(photo.getBody()).isEqualTo(200);
        clockAt(6, 5);
        observe(6);
        clockAt(6, 6);
        as("wuan").post("/api/alerts/tickets/" + fire.get("id").asLong() + "/receive", "{}");
        clockAt(6, 10);
        as("congtai").post("/api/alerts/tickets/" + dust.get("id").asLong() + "/receive", "{}");
        clockAt(6, 20);
        assertThat(reportWithPhoto("wuan", fire.get("id").asLong(), "{\"causeCategory\":\"BURNING\",\"measures\":\"已扑灭\"}"))
                .isEqualTo(200);
        clockAt(6, 40);
        as("congtai").post("/api/alerts/tickets/" + dust.get("id").asLong() + "/report", "{\"causeCategory\":\"DUST\",\"measures\":\"已苫盖\"}");
        clockAt(6, 45);
        // the office's photo came with the push: it is not the county's evidence, so closing needs a stated waiver
        assertThat(status(as("city").post("/api/alerts/tickets/" + dust.get("id").asLong() + "/close", "{}"))).isEqualTo(409);
        assertThat(status(as("city").post("/api/alerts/tickets/" + dust.get("id").asLong() + "/close",
                "{\"waiveEvidence\":\"市局执法人员已现场核实\"}"))).isEqualTo(200);
        assertThat(timeline(dust.get("id").asLong())).endsWith("closed", "evidence-waived");

        observe(7);
        clockAt(7, 6);
        deadlines.run();
        assertThat(timeline(rise)).containsExactly("pushed", "merged", "receipt-overdue", "disposal-overdue");
        assertThat(jdbc.sql("SELECT note FROM alerts_ticket_event WHERE ticket_id = ? AND action = 'disposal-overdue'").param(rise)
                .query(String.class).single()).endsWith("（今日带班领导：赵副区长，电话 13800000000）");
        assertThat(get(high).get("effective").asBoolean()).isTrue();   // 05:00 and 06:00: no station rule fired at SC1
        clockAt(7, 10);

        JsonNode rows = Api.json(as("city").get("/api/alerts/assessment?from=" + DAY + "&to=" + DAY.plusDays(1)));
        Map<String, JsonNode> byUnit = new java.util.HashMap<>();
        rows.forEach(r -> byUnit.put(r.get("unit").asString(), r));
        assertThat(line(byUnit.get("130481"))).isEqualTo("1|1|1|1|0|1|0|20.0|20.0|100.0|0|1|1");
        assertThat(line(byUnit.get("130403"))).isEqualTo("2|2|1|1|0|1|0|40.0|40.0|50.0|0|0|0");
        assertThat(line(byUnit.get("130402"))).isEqualTo("3|2|0|1|1|1|1|65.0|65.0|50.0|1|0|0");
        assertThat(byUnit.get("130402").get("effectiveRate").decimalValue()).isEqualByComparingTo("100.0");

        byte[] xlsx = as("city").getBytes("/api/alerts/assessment.xlsx?from=" + DAY + "&to=" + DAY.plusDays(1));
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains(DAY.toString());
            var first = sheet.getRow(4);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("武安市");
            assertThat(first.getCell(14).getNumericCellValue()).isEqualTo(1.0);   // fire points
            var third = sheet.getRow(6);
            assertThat(third.getCell(1).getStringCellValue()).isEqualTo("邯山区");
            assertThat(third.getCell(9).getNumericCellValue()).isEqualTo(65.0);   // p90 minutes
            assertThat(third.getCell(10).getNumericCellValue()).isEqualTo(50.0);  // on-time rate
        }
    }

    /** rank|pushed|received on time|disposed on time|overdue|open|returned|mean|p90|on-time %|judged|fire points|in time */
    static String line(JsonNode r) {
        return List.of("rank", "pushed", "receivedOnTime", "disposedOnTime", "overdue", "open", "returned", "meanMinutes", "p90Minutes",
                "onTimeRate", "judged", "firePoints", "firePointsInTime").stream()
                .map(f -> r.get(f).isNull() ? "—" : r.get(f).isNumber() && r.get(f).isFloatingPointNumber()
                        ? r.get(f).decimalValue().toPlainString() : r.get(f).asString())
                .collect(Collectors.joining("|"));
    }

    static BigDecimal decimal(String s) {
        return new BigDecimal(s);
    }
}
