package org.lantian.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lantian.platform.PlatformTest;
import org.lantian.platform.gateway.GatewayServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A demo left running keeps looking like a working city: its devices go on sending, its data are marked simulated. */
@PlatformTest
class DemoLiveFeedTests {

    @Autowired
    DemoLiveFeed feed;
    @Autowired
    GatewayServer gateway;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    java.time.Clock clock;

    private List<String> stackPackets(LocalDateTime hour) {
        return jdbc.sql("SELECT text FROM gateway_packet WHERE mn = 'DEMO-STACK-01' AND data_time = ? ORDER BY id")
                .param(OffsetDateTime.of(hour, ZoneOffset.ofHours(8))).query(String.class).list();
    }

    @Test
    void theLiveFeedSendsTheDevicesHoursOverTheGatewayAndAResentHourIsTheSamePacket() {
        LocalDateTime last = DemoDevices.lastCompleteHour(clock);
        jdbc.sql("DELETE FROM gateway_series WHERE mn LIKE 'DEMO-%' AND data_time >= ?")
                .param(OffsetDateTime.of(last, ZoneOffset.ofHours(8))).update();
        jdbc.sql("DELETE FROM gateway_packet WHERE mn LIKE 'DEMO-%' AND data_time >= ?")
                .param(OffsetDateTime.of(last, ZoneOffset.ofHours(8))).update();
        assertThat(stackPackets(last)).isEmpty();

        feed.feed();

        List<String> sent = stackPackets(last);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).contains("MN=DEMO-STACK-01", "DataTime=" + last.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")));
        // the dust monitor asks for no answer, so the feed cannot wait for its packet to be stored: the test does
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(jdbc.sql("SELECT count(*) FROM gateway_packet WHERE mn = 'DEMO-DUST-01' AND data_time = ?")
                        .param(OffsetDateTime.of(last, ZoneOffset.ofHours(8))).query(Integer.class).single()).isEqualTo(1));
    }

    @Test
    void anHoursPacketIsAFunctionOfTheHourSoSendingItAgainAddsNothing() throws Exception {
        LocalDateTime hour = DemoDevices.lastCompleteHour(clock).minusDays(20);
        assertThat(DemoDevices.send(gateway, hour, hour.plusHours(1))).isEqualTo(4);
        List<String> first = stackPackets(hour);
        assertThat(first).hasSize(1);

        assertThat(DemoDevices.send(gateway, hour, hour.plusHours(1))).isEqualTo(4);

        assertThat(stackPackets(hour)).isEqualTo(first);
        assertThat(stackPackets(hour.plusHours(1))).hasSize(1).doesNotContain(first.get(0));
    }

    @Test
    void everyHourADeviceSentIsInItsSeries() {
        List<String> missing = jdbc.sql("""
                SELECT p.mn || ' ' || p.data_time FROM gateway_packet p
                 WHERE p.mn LIKE 'DEMO-%' AND p.cn = '2061'
                   AND NOT EXISTS (SELECT 1 FROM gateway_series s WHERE s.mn = p.mn AND s.cn = p.cn AND s.data_time = p.data_time)
                 ORDER BY 1""").query(String.class).list();
        assertThat(missing).isEmpty();
    }

    @Test
    void theNationalStationsSimulatedDataAreMarkedDemo() {
        List<String> national = jdbc.sql("SELECT code FROM monitoring_station WHERE code IN ('1047A', '1048A') AND demo")
                .query(String.class).list();
        assertThat(national).containsExactlyInAnyOrder("1047A", "1048A");
    }
}
