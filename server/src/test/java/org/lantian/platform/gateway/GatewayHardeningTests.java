package org.lantian.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lantian.platform.MutableClock;
import org.lantian.platform.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Junk from an unknown sender costs a bounded number of rows, and old refusals are deleted. */
@PlatformTest
class GatewayHardeningTests {

    @Autowired
    GatewayServer gateway;
    @Autowired
    RefusalHousekeeping housekeeping;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @AfterEach
    void releaseClock() {
        clock.reset();
    }

    private long refusalsFrom(String remote, String reason) {
        return jdbc.sql("SELECT count(*) FROM gateway_rejection WHERE remote LIKE ? AND reason = ?").params(remote + "%", reason)
                .query(Long.class).single();
    }

    @Test
    void aFloodOfJunkFromOneAddressIsStoredAsAFewRowsAndASummary() throws Exception {
        jdbc.sql("DELETE FROM gateway_rejection WHERE remote LIKE '127.0.0.1%'").update();
        clock.advance(Duration.ofMinutes(1));   // a fresh minute for the sampler
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < 3000; i++) {
                out.write(("GET / HTTP/1.1 junk " + i + "\r\n##0010short&&\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            Thread.sleep(1500);
        }
        // at most refusals-per-minute (300 in the tests) are stored whole each minute the flood spans (one, or two
        // when it crosses a minute), fewer when other tests' refusals came first
        long stored = jdbc.sql("SELECT count(*) FROM gateway_rejection WHERE remote LIKE '127.0.0.1%' AND reason <> 'SUPPRESSED'")
                .query(Long.class).single();
        assertThat(stored).isBetween(1L, 600L);
        clock.advance(Duration.ofMinutes(2));
        housekeeping.summarise();
        await().atMost(Duration.ofSeconds(10)).until(() -> refusalsFrom("127.0.0.1", RefusalSampler.SUPPRESSED) >= 1);
        int suppressed = jdbc.sql("SELECT detail FROM gateway_rejection WHERE remote LIKE '127.0.0.1%' AND reason = 'SUPPRESSED'")
                .query(String.class).list().stream().mapToInt(d -> Integer.parseInt(d.replaceAll("\\D*(\\d+).*", "$1"))).sum();
        assertThat(refusalsFrom("127.0.0.1", RefusalSampler.SUPPRESSED)).as("one summary a minute").isLessThanOrEqualTo(2);
        assertThat(suppressed + stored).isGreaterThanOrEqualTo(3000);
    }

    @Test
    void refusalsOlderThanTheRetentionAreDeleted() {
        jdbc.sql("INSERT INTO gateway_rejection (received_at, remote, reason, detail, bytes) VALUES (now() - interval '40 days', 'old', 'JUNK', 'x', '\\x78')")
                .update();
        jdbc.sql("INSERT INTO gateway_rejection (received_at, remote, reason, detail, bytes) VALUES (now() - interval '2 days', 'recent', 'JUNK', 'x', '\\x78')")
                .update();
        housekeeping.deleteOld();
        assertThat(refusalsFrom("old", "JUNK")).isZero();
        assertThat(refusalsFrom("recent", "JUNK")).isEqualTo(1);
    }

    @Test
    void aSenderTricklingAPacketIsClosedAtTheFrameDeadline() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write("##0100QN=2025".getBytes(StandardCharsets.US_ASCII));   // a packet begun, never finished
            out.flush();
            long started = System.nanoTime();
            int read = -2;
            while (System.nanoTime() - started < 4_000_000_000L) {
                out.write('0');   // a byte every 100 ms keeps the idle timeout from ever firing
                out.flush();
                Thread.sleep(100);
                if (in.available() > 0 || socket.isInputShutdown()) {
                    break;
                }
                try {
                    socket.setSoTimeout(1);
                    read = in.read();
                } catch (java.net.SocketTimeoutException e) {
                    continue;
                } catch (java.io.IOException e) {
                    read = -1;
                }
                if (read == -1) {
                    break;
                }
            }
            assertThat(read).as("the gateway closed the connection").isEqualTo(-1);
        }
    }
}
