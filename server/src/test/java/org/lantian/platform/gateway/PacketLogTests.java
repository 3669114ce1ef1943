package org.lantian.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lantian.platform.Api;
import org.lantian.platform.LantianApplication;
import org.lantian.platform.PlatformTest;
import org.lantian.platform.identity.TestTokens;
import org.lantian.standards.BeijingTime;
import org.lantian.standards.hj212.Hj212Encoder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The packet log on a real Apache Kafka broker (its own KRaft server, in this JVM): a packet is
 * acknowledged once the broker has it and stored by the writer once; a broker restart loses nothing that
 * was acknowledged; a writer that dies mid-batch leaves its partition where it was, so nothing is lost and
 * nothing stored twice, also packets without a QN, which no unique index protects.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PacketLogTests {

    static final String TOPIC = "lantian.gateway.packets";
    static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    EmbeddedKafkaKraftBroker broker;
    ConfigurableApplicationContext node;
    JdbcTemplate jdbc;
    /** Data times one second apart, from an hour back: every packet of this class has its own. */
    LocalDateTime nextTime = LocalDateTime.now(BeijingTime.ZONE).withNano(0).minusHours(1);

    @BeforeAll
    void startBrokerAndNode() {
        broker = new EmbeddedKafkaKraftBroker(1, 3, TOPIC);
        broker.afterPropertiesSet();
        node = new SpringApplicationBuilder(LantianApplication.class, PlatformTest.TestBeans.class).profiles("test")
                .run("--server.port=0", "--lantian.gateway.port=0", "--lantian.demo.enabled=false",
                        "--lantian.security.admin-password=Packet-Log-Office-2026!",
                        "--lantian.db.embedded.data-dir=target/packet-log-postgres", "--lantian.db.embedded.clean-on-start=true",
                        "--lantian.kafka.bootstrap-servers=" + broker.getBrokersAsString());
        jdbc = node.getBean(JdbcTemplate.class);
        Api api = new Api(((WebServerApplicationContext) node).getWebServer().getPort(), node.getBean(TestTokens.class).of("admin"));
        for (String mn : List.of("LOG01", "LOG02", "LOG03")) {
            assertThat(api.put("/api/gateway/devices/" + mn, """
                    {"device": {"mn": "%s", "name": "日志测试扬尘", "kind": "DUST", "protocol": "V2017", "st": "39",
                     "password": "123456", "countyCode": "130433"}, "reason": "test"}""".formatted(mn)).getStatusCode().value()).isEqualTo(200);
        }
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    /** A real-time upload; with a QN it asks for an acknowledgement, without one it does not (HJ212 §6.1: Flag). */
    synchronized byte[] packet(String mn, boolean withQn) {
        LocalDateTime at = nextTime = nextTime.plusSeconds(1);
        return Hj212Encoder.frame((withQn ? "QN=" + QN.format(at) + ";" : "") + "ST=39;CN=2011;PW=123456;MN=" + mn + ";Flag="
                + (withQn ? 5 : 4) + ";CP=&&DataTime=" + TIME.format(at) + ";a34004-Rtd=45.1,a34004-Flag=N;a34002-Rtd=88,a34002-Flag=N&&");
    }

    int stored(String mn) {
        return jdbc.queryForObject("SELECT count(*) FROM gateway_packet WHERE mn = ?", Integer.class, mn);
    }

    /** Sends packets asking for acknowledgements, as a logger does; returns how many were acknowledged. */
    static int sendAndCountAcknowledgements(Socket device, List<byte[]> packets) throws Exception {
        OutputStream out = device.getOutputStream();
        for (byte[] p : packets) {
            out.write(p);
        }
        out.flush();
        InputStream in = device.getInputStream();
        int acknowledged = 0;
        StringBuilder line = new StringBuilder();
        try {
            for (int c; acknowledged < packets.size() && (c = in.read()) >= 0; ) {
                line.append((char) c);
                if (c == '\n') {
                    acknowledged += line.indexOf("CN=9014") >= 0 ? 1 : 0;
                    line.setLength(0);
                }
            }
        } catch (java.net.SocketTimeoutException stoppedComing) {
            // what was not acknowledged by now is not going to be
        }
        return acknowledged;
    }

    Socket device() throws Exception {
        Socket socket = new Socket("127.0.0.1", node.getBean(GatewayServer.class).port());
        socket.setSoTimeout(8_000);
        return socket;
    }

    @Test
    void everyPacketIsAcknowledgedOnceTheBrokerHasItAndStoredOnce() throws Exception {
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i < 150; i++) { // under the gateway's 200 packets a second per connection
            packets.add(packet("LOG01", true));
        }
        try (Socket device = device()) {
            assertThat(sendAndCountAcknowledgements(device, packets)).isEqualTo(150);
            Thread.sleep(1000);
            // a logger that missed the acknowledgements sends everything again: acknowledged again, stored once
            assertThat(sendAndCountAcknowledgements(device, packets.subList(0, 50))).isEqualTo(50);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> stored("LOG01") >= 150);
        Thread.sleep(1000); // the copies have been consumed too by now, if they were going to be stored
        assertThat(stored("LOG01")).isEqualTo(150);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gateway_series WHERE mn = 'LOG01'", Integer.class)).isEqualTo(150);
        assertThat(jdbc.queryForObject("SELECT sum(next_offset) FROM gateway_log_position WHERE topic = ?", Long.class, TOPIC))
                .as("every record of the log is stored or passed over as a copy").isGreaterThanOrEqualTo(200L);
    }

    int acknowledgedBeforeRestart;

    @Test
    void aBrokerRestartLosesNothingAcknowledged() throws Exception {
        Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Set<String> sent = new HashSet<>();
        try (Socket device = device()) {
            device.setSoTimeout(0); // the reader waits through the restart; closing the socket ends it
            Thread reader = new Thread(() -> readAcknowledgements(device, acknowledged));
            reader.start();
            OutputStream out = device.getOutputStream();
            Set<String> sentMeanwhile = java.util.concurrent.ConcurrentHashMap.newKeySet();
            Thread sender = new Thread(() -> {
                try {
                    for (int i = 0; i < 1200; i++) { // a packet every 10 ms, before, through and after the restart
                        byte[] p = packet("LOG02", true);
                        sentMeanwhile.add(qnOf(p));
                        out.write(p);
                        out.flush();
                        Thread.sleep(10);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            sender.start();
            Thread.sleep(1_000);
            acknowledgedBeforeRestart = acknowledged.size();
            restartBroker();
            sender.join();
            sent.addAll(sentMeanwhile);
            String last = qnOf(packet("LOG02", true));
            byte[] lastPacket = Hj212Encoder.frame("QN=" + last + ";ST=39;CN=2011;PW=123456;MN=LOG02;Flag=5;CP=&&DataTime="
                    + TIME.format(nextTime) + ";a34004-Rtd=45.1,a34004-Flag=N&&");
            sent.add(last);
            out.write(lastPacket);
            out.flush();
            await("acknowledgements resume once the broker is back").atMost(Duration.ofSeconds(20))
                    .until(() -> acknowledged.contains(last));
            device.close();
            reader.join(5_000);
        }
        assertThat(acknowledgedBeforeRestart).as("acknowledged before the restart").isGreaterThan(50);
        assertThat(sent.size() - acknowledged.size()).as("packets sent while the broker was down, left unacknowledged").isGreaterThan(20);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(storedQns("LOG02")).containsAll(acknowledged));
        assertThat(storedQns("LOG02")).as("stored: only what was sent").isSubsetOf(sent);
    }

    static String qnOf(byte[] packet) {
        String text = new String(packet, java.nio.charset.StandardCharsets.US_ASCII);
        int at = text.indexOf("QN=") + 3;
        return text.substring(at, text.indexOf(';', at));
    }

    Set<String> storedQns(String mn) {
        return new HashSet<>(jdbc.queryForList("SELECT qn FROM gateway_packet WHERE mn = ?", String.class, mn));
    }

    static void readAcknowledgements(Socket device, Set<String> acknowledged) {
        try {
            InputStream in = device.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) >= 0; ) {
                line.append((char) c);
                if (c == '\n') {
                    if (line.indexOf("CN=9014") >= 0) {
                        acknowledged.add(qnOf(line.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
                    }
                    line.setLength(0);
                }
            }
        } catch (java.io.IOException closed) {
            // the test is done with the device
        }
    }

    @Test
    void aWriterThatDiesMidBatchLeavesItsPartitionWhereItWas() throws Exception {
        // the writer's transaction fails once after some of the batch is written, as a writer killed mid-batch
        jdbc.execute("CREATE SEQUENCE IF NOT EXISTS test_writer_dies");
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION test_writer_dies() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF nextval('test_writer_dies') = 1 THEN
                        RAISE EXCEPTION 'the writer died mid-batch';
                    END IF;
                    RETURN NEW;
                END $$""");
        jdbc.execute("""
                CREATE TRIGGER test_writer_dies AFTER INSERT ON gateway_series FOR EACH ROW WHEN (NEW.mn = 'LOG03')
                EXECUTE FUNCTION test_writer_dies()""");
        try (Socket device = device()) {
            OutputStream out = device.getOutputStream();
            for (int i = 0; i < 200; i++) {
                out.write(packet("LOG03", false)); // no QN: only the stored position keeps these from being stored twice
            }
            out.flush();
            await().atMost(Duration.ofSeconds(30)).until(() -> stored("LOG03") >= 200);
        } finally {
            jdbc.execute("DROP TRIGGER test_writer_dies ON gateway_series");
        }
        assertThat(jdbc.queryForObject("SELECT last_value FROM test_writer_dies", Long.class)).as("the failure happened").isGreaterThan(1L);
        Thread.sleep(1000);
        assertThat(stored("LOG03")).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT data_time) FROM gateway_packet WHERE mn = 'LOG03'", Integer.class)).isEqualTo(200);
    }

    /** Stops the broker, keeps it down past the producers' delivery timeout, and starts it again on its data. */
    void restartBroker() throws Exception {
        kafka.server.BrokerServer server = broker.getCluster().brokers().values().iterator().next();
        server.shutdown();
        server.awaitShutdown();
        Thread.sleep(5_000);
        server.startup();
        broker.getCluster().waitForReadyBrokers();
    }

    @Test
    void measurementsStoredOnANodeAreRecomputedThroughTheirTopic() {
        java.time.Instant hour = java.time.Instant.parse("2025-01-01T01:00:00Z");
        var report = node.getBean(org.lantian.platform.identity.Actors.class).asSystem(() -> node.getBean(
                org.lantian.platform.monitoring.Ingestion.class).ingest(new org.lantian.platform.monitoring.Ingestion.Submission("test", "json", null),
                sink -> sink.accept(1, new org.lantian.platform.monitoring.Observation("1047A", "PM2_5",
                        org.lantian.platform.monitoring.Averaging.HOUR, hour, new java.math.BigDecimal("75"), "N"))));
        assertThat(report.inserted()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM airquality_station_hour WHERE station_code = '1047A' AND hour_end = ? AND pm25 = 75",
                Integer.class, java.sql.Timestamp.from(hour)) > 0);
        assertThat(eventsOnTheTopic()).as("the batch's event went through the recomputation topic")
                .anyMatch(value -> value.contains("\"batchId\":" + report.batchId() + ","));
    }

    /** Every event on the recomputation topic, read from the start by a consumer of no group. */
    List<String> eventsOnTheTopic() {
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", broker.getBrokersAsString()), new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer())) {
            var partitions = consumer.partitionsFor("lantian.observations.recorded").stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var ends = consumer.endOffsets(partitions);
            List<String> values = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
            return values;
        }
    }
}
