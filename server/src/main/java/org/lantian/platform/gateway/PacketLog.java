package org.lantian.platform.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's side of the packet log: an accepted packet is appended to Kafka as the bytes the device
 * sent, keyed by its MN, with when and from where it came; the device is acknowledged once every in-sync
 * replica has it (acks=all, idempotent producer). A packet the brokers do not take within the delivery
 * timeout is not acknowledged, and its logger sends it again.
 */
final class PacketLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PacketLog.class);
    static final String RECEIVED_AT = "received-at";
    static final String REMOTE = "remote";

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final java.util.concurrent.atomic.AtomicLong notTaken = new java.util.concurrent.atomic.AtomicLong();

    PacketLog(PacketLogProperties properties) {
        this.topic = properties.topic();
        long timeout = properties.deliveryTimeout().toMillis();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout - 500,
                // never wait in a connection's event loop: without the topic's metadata (brokers down) or with a full
                // buffer a packet is refused at once, left unacknowledged, and its logger sends it again
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 0,
                ProducerConfig.CLIENT_ID_CONFIG, "lantian-gateway"),
                new StringSerializer(), new ByteArraySerializer());
        awaitMetadata();
    }

    /** The topic's metadata now, at start, so the first packets are not refused for the want of it. */
    private void awaitMetadata() {
        long until = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try {
                producer.partitionsFor(topic); // with max.block.ms 0: asks for it and answers from what is known
                return;
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("no metadata for the packet log " + topic + " within 30 s", e);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the packet log", interrupted);
                }
            }
        }
    }

    /**
     * Appends a packet; {@code acknowledge} runs once the brokers have it, on the producer's thread. Nothing
     * runs when they do not: the device was not acknowledged and sends again.
     */
    void append(String mn, byte[] bytes, Instant receivedAt, String remote, Runnable acknowledge) {
        Headers headers = new RecordHeaders()
                .add(RECEIVED_AT, receivedAt.toString().getBytes(StandardCharsets.US_ASCII))
                .add(REMOTE, remote.getBytes(StandardCharsets.US_ASCII));
        try {
            producer.send(new ProducerRecord<>(topic, null, mn, bytes, headers), (metadata, failure) -> {
                if (failure == null) {
                    acknowledge.run();
                } else {
                    notTaken(mn, failure);
                }
            });
        } catch (RuntimeException e) { // no metadata, a full buffer, or the producer closing
            notTaken(mn, e);
        }
    }

    /** Logged once in a thousand: while the brokers are away every packet fails alike. */
    private void notTaken(String mn, Exception failure) {
        long count = notTaken.incrementAndGet();
        if (count % 1000 == 1) {
            log.warn("packet of {} not taken by the packet log, left unacknowledged for its logger to resend ({} so far): {}", mn, count,
                    failure.toString());
        }
    }

    /** Packets the brokers did not take since start. */
    long notTakenCount() {
        return notTaken.get();
    }

    static Optional<String> header(Headers headers, String name) {
        return Optional.ofNullable(headers.lastHeader(name)).map(h -> new String(h.value(), StandardCharsets.US_ASCII));
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
