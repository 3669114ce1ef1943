package org.lantian.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.RecordedEvents;
import org.lantian.standards.hj212.Hj212Encoder;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Devices talking to the real gateway over TCP: an ambient station in 邯山区 feeding national station
 * 1049A, and a stack monitor in 丛台区 with an SO2 limit of 35 mg/m³. Hours of 2025-03-05.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayTests extends ApiTest {

    @Autowired
    GatewayServer gateway;
    @Autowired
    RecordedEvents events;

    @BeforeAll
    void registerDevices() {
        var air = as("city").put("/api/gateway/devices/HDAIR01", """
                {"device": {"mn": "HDAIR01", "name": "矿院空气站数采仪", "kind": "AMBIENT", "protocol": "V2017", "st": "22",
                 "password": "123456", "countyCode": "130402", "stationCode": "1049A", "units": {"a21005": "mg/m3"}},
                 "reason": "test"}""");
        assertThat(air.getStatusCode().value()).isEqualTo(200);
        var stack = as("city").put("/api/gateway/devices/HDSTACK01", """
                {"device": {"mn": "HDSTACK01", "name": "某电厂1号排口", "kind": "STACK", "protocol": "V2017", "st": "31",
                 "password": "654321", "countyCode": "130403", "boundTo": "DA001", "limits": {"a21026": 35},
                 "tolerances": ["CRC_MODBUS_LOW_FIRST"]}, "reason": "test"}""");
        assertThat(stack.getStatusCode().value()).isEqualTo(200);
    }

    static String ambientHour(String qn, String hour, int pm25) {
        return "QN=" + qn + ";ST=22;CN=2061;PW=123456;MN=HDAIR01;Flag=5;CP=&&DataTime=20250305" + hour + "0000;"
                + "a34004-Avg=" + pm25 + ",a34004-Flag=N;a34002-Avg=90,a34002-Flag=N;a21026-Avg=10;a21004-Avg=35;"
                + "a21005-Avg=0.9;a05024-Avg=60&&";
    }

    static String stackHour(String qn, String hour, String so2) {
        return "QN=" + qn + ";ST=31;CN=2061;PW=654321;MN=HDSTACK01;Flag=5;CP=&&DataTime=20250305" + hour + "0000;"
                + "a21026-Avg=30,a21026-ZsAvg=" + so2 + ",a21026-Flag=N;a21002-Avg=40,a21002-ZsAvg=45,a21002-Flag=N;"
                + "a34013-Avg=5,a34013-ZsAvg=6,a34013-Flag=N;a19001-Avg=10.5;a00000-Avg=120.5,a00000-Cou=433800&&";
    }

    /** A device's connection: what it writes, and the packets it reads back within a timeout. */
    final class DeviceConnection implements AutoCloseable {
        final Socket socket;
        final OutputStream out;
        final InputStream in;

        DeviceConnection() throws IOException {
            socket = new Socket("127.0.0.1", gateway.port());
            socket.setSoTimeout(5_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        }

        void send(byte[]... packets) throws IOException {
            for (byte[] p : packets) {
                out.write(p);
            }
            out.flush();
        }

        /** The next reply (through its CR LF), or null when none comes within {@code millis}. */
        String reply(int millis) throws IOException {
            socket.setSoTimeout(millis);
            StringBuilder line = new StringBuilder();
            try {
                int b;
                while ((b = in.read()) >= 0) {
                    line.append((char) b);
                    if (b == '\n') {
                        return line.toString();
                    }
                }
                return null;
            } catch (SocketTimeoutException e) {
                return null;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void anAmbientHourIsAcknowledgedAfterItIsStoredAndReachesTheStationsAqi() throws Exception {
        try (DeviceConnection device = new DeviceConnection()) {
            device.send(Hj212Encoder.frame(ambientHour("20250305100000001", "09", 80)));
            String ack = device.reply(5_000);
            assertThat(ack).contains("QN=20250305100000001;ST=91;CN=9014;PW=123456;MN=HDAIR01;Flag=4;CP=&&&&");
            // acknowledged means committed: the observation is already there
            assertThat(jdbc.sql("SELECT value FROM monitoring_observation WHERE station_code = '1049A' AND pollutant = 'PM2_5' "
                    + "AND period_end = '2025-03-05T10:00+08'").query(java.math.BigDecimal.class).single()).isEqualByComparingTo("80");
            assertThat(jdbc.sql("SELECT value FROM monitoring_observation WHERE station_code = '1049A' AND pollutant = 'CO' "
                    + "AND period_end = '2025-03-05T10:00+08'").query(java.math.BigDecimal.class).single()).isEqualByComparingTo("0.9");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT aqi FROM airquality_station_hour WHERE station_code = '1049A' AND hour_end = '2025-03-05T10:00+08'")
                .query(Integer.class).optional()).contains(107));
    }

    @Test
    void retransmissionsAreAcknowledgedAgainButStoredOnce() throws Exception {
        byte[] packet = Hj212Encoder.frame(stackHour("20250305110000001", "10", "20"));
        try (DeviceConnection device = new DeviceConnection()) {
            device.send(packet);
            assertThat(device.reply(5_000)).contains("CN=9014");
            device.send(packet);
            assertThat(device.reply(5_000)).contains("CN=9014");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM gateway_packet WHERE mn = 'HDSTACK01' AND qn = '20250305110000001'")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM gateway_series_factor WHERE mn = 'HDSTACK01' AND data_time = '2025-03-05T10:00+08'")
                .query(Integer.class).single()).isEqualTo(5);
        // a history re-upload of the same hour with a new QN changes nothing either
        try (DeviceConnection device = new DeviceConnection()) {
            device.send(Hj212Encoder.frame(stackHour("20250305120000009", "10", "99")));
            assertThat(device.reply(5_000)).contains("CN=9014");
        }
        assertThat(jdbc.sql("SELECT zs_avg FROM gateway_series_factor WHERE mn = 'HDSTACK01' AND data_time = '2025-03-05T10:00+08' "
                + "AND factor = 'a21026'").query(java.math.BigDecimal.class).single()).isEqualByComparingTo("20");
    }

    @Test
    void stickySplitAndJunkSurroundedPacketsAreEachAcknowledged() throws Exception {
        byte[] a = Hj212Encoder.frame(stackHour("20250305130000001", "11", "20"));
        byte[] b = Hj212Encoder.frame(stackHour("20250305130000002", "12", "21"));
        byte[] c = Hj212Encoder.frame(stackHour("20250305130000003", "13", "22"));
        try (DeviceConnection device = new DeviceConnection()) {
            byte[] sticky = new byte[a.length + b.length];
            System.arraycopy(a, 0, sticky, 0, a.length);
            System.arraycopy(b, 0, sticky, a.length, b.length);
            device.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII), sticky);
            device.send(java.util.Arrays.copyOfRange(c, 0, 10));
            Thread.sleep(30);
            device.send(java.util.Arrays.copyOfRange(c, 10, 200));
            Thread.sleep(30);
            device.send(java.util.Arrays.copyOfRange(c, 200, c.length));
            List<String> acks = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                acks.add(device.reply(5_000));
            }
            assertThat(acks).allMatch(r -> r != null && r.contains("CN=9014"));
            assertThat(acks.get(2)).contains("QN=20250305130000003");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM gateway_rejection WHERE reason = 'JUNK' AND convert_from(bytes, 'LATIN1') LIKE 'GET /%'")
                .query(Integer.class).single()).isPositive();
    }

    @Test
    void unknownDevicesAndWrongPasswordsAreRefusedLoggedAndNeverAcknowledged() throws Exception {
        String stranger = stackHour("20250305140000001", "14", "20").replace("HDSTACK01", "NOBODY");
        String wrongPw = stackHour("20250305140000002", "14", "20").replace("PW=654321", "PW=000000");
        try (DeviceConnection device = new DeviceConnection()) {
            device.send(Hj212Encoder.frame(stranger), Hj212Encoder.frame(wrongPw));
            assertThat(device.reply(700)).isNull();
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(jdbc.sql("SELECT reason FROM gateway_rejection WHERE mn = 'NOBODY'").query(String.class).list())
                    .contains("UNKNOWN_DEVICE");
            assertThat(jdbc.sql("SELECT reason FROM gateway_rejection WHERE mn = 'HDSTACK01'").query(String.class).list())
                    .contains("BAD_PASSWORD");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM gateway_packet WHERE qn IN ('20250305140000001', '20250305140000002')")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aToleranceIsHonouredOnlyForTheDeviceThatHasIt() throws Exception {
        String stack = stackHour("20250305150000001", "15", "20");
        String air = ambientHour("20250305150000002", "15", 50);
        try (DeviceConnection device = new DeviceConnection()) {
            device.send(modbusLowFirst(stack), modbusLowFirst(air));
            assertThat(device.reply(5_000)).contains("MN=HDSTACK01");
            assertThat(device.reply(700)).isNull();
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT reason FROM gateway_rejection WHERE mn = 'HDAIR01'").query(String.class).list()).contains("BAD_CRC"));
        assertThat(jdbc.sql("SELECT tolerated FROM gateway_packet WHERE qn = '20250305150000001'").query(String.class).single())
                .contains("CRC_MODBUS_LOW_FIRST");
    }

    private static byte[] modbusLowFirst(String segment) {
        byte[] body = segment.getBytes(StandardCharsets.US_ASCII);
        int modbus = org.lantian.standards.hj212.Hj212Crc.modbus(body, 0, body.length);
        return ("##" + String.format("%04d", body.length) + segment
                + org.lantian.standards.hj212.Hj212Crc.hex(org.lantian.standards.hj212.Hj212Crc.swapped(modbus)) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aTimeRequestIsAnsweredAndTheDevicesClockSet() throws Exception {
        try (DeviceConnection device = new DeviceConnection()) {
            device.send(Hj212Encoder.frame("QN=20250305160000001;ST=31;CN=1013;PW=654321;MN=HDSTACK01;Flag=5;CP=&&&&"));
            assertThat(device.reply(5_000)).contains("QN=20250305160000001;ST=91;CN=9013");
            assertThat(device.reply(5_000)).contains("CN=1012;PW=654321;MN=HDSTACK01;Flag=5;CP=&&SystemTime=");
        }
    }

    @Test
    void anHourlyConvertedValueAboveTheOutletsLimitRaisesAnEvent() throws Exception {
        try (DeviceConnection device = new DeviceConnection()) {
            device.send(Hj212Encoder.frame(stackHour("20250305170000001", "16", "50.5")));
            assertThat(device.reply(5_000)).contains("CN=9014");
        }
        assertThat(events.ofType(DeviceEvents.EmissionExceeded.class))
                .anyMatch(e -> e.mn().equals("HDSTACK01") && e.factor().equals("a21026")
                        && e.value().compareTo(new java.math.BigDecimal("50.5")) == 0 && e.countyCode().equals("130403"));
    }

    @Autowired
    SplitSets splitSets;

    static String stackPiece(String qn, int pnum, int pno, String hour, String items) {
        return "QN=" + qn + ";ST=31;CN=2061;PW=654321;MN=HDSTACK01;Flag=7;PNUM=" + pnum + ";PNO=" + pno
                + ";CP=&&DataTime=20250306" + hour + "0000;" + items + "&&";
    }

    @Test
    void splitPiecesAreEachAcknowledgedMeetInTheSeriesAndAnIncompleteSetIsRecorded() throws Exception {
        try (DeviceConnection device = new DeviceConnection()) {
            device.send(Hj212Encoder.frame(stackPiece("20250306020000001", 2, 1, "01", "a21026-Avg=30,a21026-ZsAvg=20,a21026-Flag=N")));
            assertThat(device.reply(5_000)).contains("QN=20250306020000001;").contains("CN=9014");
            device.send(Hj212Encoder.frame(stackPiece("20250306020000002", 2, 2, "01", "a21002-Avg=40,a21002-ZsAvg=45,a21002-Flag=N")));
            assertThat(device.reply(5_000)).contains("QN=20250306020000002;").contains("CN=9014");
            device.send(Hj212Encoder.frame(stackPiece("20250306030000001", 3, 1, "02", "a21026-Avg=31,a21026-ZsAvg=21,a21026-Flag=N")));
            assertThat(device.reply(5_000)).contains("CN=9014");
        }
        assertThat(jdbc.sql("SELECT factor FROM gateway_series_factor WHERE mn = 'HDSTACK01' AND data_time = '2025-03-06T01:00+08' ORDER BY factor")
                .query(String.class).list()).containsExactly("a21002", "a21026");

        clock.advance(SplitSets.TIMEOUT);
        try {
            splitSets.giveUpIncomplete();
        } finally {
            clock.advance(SplitSets.TIMEOUT.negated());
        }
        JsonNode partial = Api.json(as("city").get("/api/gateway/devices/HDSTACK01/partial-splits"));
        assertThat(partial).singleElement().satisfies(set -> {
            assertThat(set.get("dataTime").asText()).isEqualTo("20250306020000");
            assertThat(set.get("received").toString()).isEqualTo("[1]");
            assertThat(set.get("missing").toString()).isEqualTo("[2,3]");
        });
    }

    @Autowired
    DeviceWatch watch;
    @Autowired
    org.lantian.platform.MutableClock clock;

    @Test
    void aSilentDeviceGoesOfflineOnceAndComesBackWithItsNextPacket() throws Exception {
        try (DeviceConnection device = new DeviceConnection()) {
            device.send(Hj212Encoder.frame(ambientHour("20250305180000001", "17", 40)));
            assertThat(device.reply(5_000)).contains("CN=9014");
        }
        clock.advance(Duration.ofHours(3));
        try {
            watch.check();
            watch.check();
            assertThat(events.ofType(DeviceEvents.DeviceWentOffline.class)).filteredOn(e -> e.mn().equals("HDAIR01")).hasSize(1);
            assertThat(Api.json(as("hanshan").get("/api/gateway/devices/HDAIR01")).get("online").asBoolean()).isFalse();
            try (DeviceConnection device = new DeviceConnection()) {
                device.send(Hj212Encoder.frame(ambientHour("20250305180000002", "18", 40)));
                assertThat(device.reply(5_000)).contains("CN=9014");
            }
            assertThat(Api.json(as("hanshan").get("/api/gateway/devices/HDAIR01")).get("online").asBoolean()).isTrue();
        } finally {
            clock.advance(Duration.ofHours(-3));
        }
    }

    @Test
    void aQueuedCommandGoesDownWhenTheDeviceNextReportsAndItsAnswersAreRecorded() throws Exception {
        var queued = Api.json(as("city").post("/api/gateway/devices/HDSTACK01/commands",
                "{\"cn\": \"1062\", \"parameters\": {\"RtdInterval\": \"60\"}, \"reason\": \"test\"}"));
        assertThat(queued.get("state").asString()).isEqualTo("QUEUED");
        assertThat(as("congtai").post("/api/gateway/devices/HDSTACK01/commands", "{\"cn\": \"1062\", \"parameters\": {\"RtdInterval\": \"60\"}}")
                .getStatusCode().value()).isEqualTo(403);
        assertThat(as("city").post("/api/gateway/devices/HDSTACK01/commands", "{\"cn\": \"1062\", \"parameters\": {\"Foo\": \"1\"}}")
                .getBody()).contains("parameters.Foo");
        try (DeviceConnection device = new DeviceConnection()) {
            device.send(Hj212Encoder.frame(stackHour("20250305190000001", "19", "20")));
            assertThat(device.reply(5_000)).contains("CN=9014");
            String command = device.reply(5_000);
            assertThat(command).contains("ST=31;CN=1062;PW=654321;MN=HDSTACK01;Flag=5;CP=&&RtdInterval=60&&");
            String qn = command.substring(command.indexOf("QN=") + 3, command.indexOf("QN=") + 20);
            device.send(Hj212Encoder.frame("QN=" + qn + ";ST=91;CN=9011;PW=654321;MN=HDSTACK01;Flag=4;CP=&&QnRtn=1&&"),
                    Hj212Encoder.frame("QN=" + qn + ";ST=91;CN=9012;PW=654321;MN=HDSTACK01;Flag=4;CP=&&ExeRtn=1&&"));
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode latest = Api.json(as("congtai").get("/api/gateway/devices/HDSTACK01/commands")).get(0);
            assertThat(latest.get("state").asString()).isEqualTo("DONE");
            assertThat(latest.get("qnRtn").asInt()).isEqualTo(1);
            assertThat(latest.get("exeRtn").asInt()).isEqualTo(1);
        });
    }

    @Test
    void missingHoursAreAskedForOnceAndWhatComesBackIsStored() throws Exception {
        java.time.LocalDateTime now = java.time.LocalDateTime.now(clock.withZone(org.lantian.standards.BeijingTime.ZONE))
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        String h6 = Hj212Encoder.time(now.minusHours(6));
        String h3 = Hj212Encoder.time(now.minusHours(3));
        as("city").put("/api/gateway/devices/HDGAP01", """
                {"device": {"mn": "HDGAP01", "name": "补数测试排口", "kind": "STACK", "protocol": "V2017", "st": "31",
                 "password": "111111", "countyCode": "130403"}, "reason": "test"}""");
        try (DeviceConnection device = new DeviceConnection()) {
            for (String[] hour : new String[][] {{"20250306000000001", h6}, {"20250306000000002", h3}}) {
                device.send(Hj212Encoder.frame("QN=" + hour[0] + ";ST=31;CN=2061;PW=111111;MN=HDGAP01;Flag=5;CP=&&DataTime=" + hour[1]
                        + ";a21026-Avg=10&&"));
                assertThat(device.reply(5_000)).contains("CN=9014");
            }
        }
        watch.requestMissingHours();
        watch.requestMissingHours(); // not twice while the first request is open
        List<JsonNode> open = new ArrayList<>();
        Api.json(as("city").get("/api/gateway/devices/HDGAP01/commands")).forEach(open::add);
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("cn").asString()).isEqualTo("2061");
        assertThat(open.get(0).get("parameters").asString())
                .isEqualTo("BeginTime=" + Hj212Encoder.time(now.minusHours(48)) + ";EndTime=" + Hj212Encoder.time(now.minusHours(2)));
    }

    @Test
    void flatLinesValuesHeldUnderTheLimitAndDropsToZeroAreSuspicious() throws Exception {
        as("city").put("/api/gateway/devices/HDQC01", """
                {"device": {"mn": "HDQC01", "name": "数据质量测试排口", "kind": "STACK", "protocol": "V2017", "st": "31",
                 "password": "222222", "countyCode": "130403", "limits": {"a21026": 35}}, "reason": "test"}""");
        String[] values = {"12.34", "12.34", "12.34", "12.34", "12.34", "12.34", "34.5", "34.6", "34.9", "35", "0.1"};
        try (DeviceConnection device = new DeviceConnection()) {
            for (int h = 0; h < values.length; h++) {
                device.send(Hj212Encoder.frame(String.format("QN=20250307%02d0000001;ST=31;CN=2061;PW=222222;MN=HDQC01;Flag=5;"
                        + "CP=&&DataTime=20250307%02d0000;a21026-Avg=%s,a21026-ZsAvg=%s,a21026-Flag=N&&", h, h, values[h], values[h])));
                assertThat(device.reply(5_000)).contains("CN=9014");
            }
        }
        List<DeviceEvents.SuspiciousData> found = events.ofType(DeviceEvents.SuspiciousData.class).stream()
                .filter(e -> e.mn().equals("HDQC01")).toList();
        assertThat(found).extracting(DeviceEvents.SuspiciousData::suspicion)
                .containsExactly(DeviceEvents.Suspicion.FLAT_LINE, DeviceEvents.Suspicion.AT_LIMIT, DeviceEvents.Suspicion.DROP_TO_ZERO);
        assertThat(found.get(0).hourStart()).isEqualTo(java.time.Instant.parse("2025-03-06T21:00:00Z")); // 05:00 Beijing
        assertThat(found.get(1).detail()).contains("98%");
    }

    @Test
    void aConvertedValueThatDisagreesWithTheMeasuredOneAndTheO2IsSuspicious() throws Exception {
        as("city").put("/api/gateway/devices/HDO2", """
                {"device": {"mn": "HDO2", "name": "折算校核测试排口", "kind": "STACK", "protocol": "V2017", "st": "31",
                 "password": "333333", "countyCode": "130403", "limits": {"a21026": 100}, "referenceO2": 6}, "reason": "test"}""");
        // SO2 measured 30 at O2 10 %: converted to 6 % it is 30 × 15 / 11 = 40.91
        String[] converted = {"40.9", "30"};
        try (DeviceConnection device = new DeviceConnection()) {
            for (int h = 0; h < converted.length; h++) {
                device.send(Hj212Encoder.frame(String.format("QN=20250308%02d0000001;ST=31;CN=2061;PW=333333;MN=HDO2;Flag=5;"
                        + "CP=&&DataTime=20250308%02d0000;a21026-Avg=30,a21026-ZsAvg=%s,a21026-Flag=N;a19001-Avg=10&&", h, h, converted[h])));
                assertThat(device.reply(5_000)).contains("CN=9014");
            }
        }
        List<DeviceEvents.SuspiciousData> found = events.ofType(DeviceEvents.SuspiciousData.class).stream()
                .filter(e -> e.mn().equals("HDO2")).toList();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).suspicion()).isEqualTo(DeviceEvents.Suspicion.ZS_INCONSISTENT);
        assertThat(found.get(0).detail()).contains("应为 40.91");
        assertThat(as("city").put("/api/gateway/devices/HDO2", """
                {"device": {"mn": "HDO2", "name": "x", "kind": "STACK", "protocol": "V2017", "st": "31", "referenceO2": 21}}""")
                .getBody()).contains("referenceO2");
    }

    @Test
    void aCountyUserSeesOnlyItsOwnDevicesAndOnlyTheCityOfficeRegisters() {
        JsonNode congtai = Api.json(as("congtai").get("/api/gateway/devices"));
        List<String> mns = new ArrayList<>();
        congtai.forEach(d -> mns.add(d.get("device").get("mn").asString()));
        assertThat(mns).contains("HDSTACK01").doesNotContain("HDAIR01");
        assertThat(as("congtai").get("/api/gateway/devices/HDAIR01/packets").getStatusCode().value()).isEqualTo(404);
        assertThat(as("congtai").get("/api/gateway/rejections").getStatusCode().value()).isEqualTo(403);
        assertThat(as("congtai").put("/api/gateway/devices/HDSTACK01", """
                {"device": {"mn": "HDSTACK01", "name": "x", "kind": "STACK", "protocol": "V2017", "st": "31"}, "reason": "x"}""")
                .getStatusCode().value()).isEqualTo(403);
        assertThat(as("city").put("/api/gateway/devices/BAD", """
                {"device": {"mn": "BAD", "name": "x", "kind": "AMBIENT", "protocol": "V2017", "st": "22", "password": "1"}}""")
                .getBody()).contains("stationCode");
    }
}
