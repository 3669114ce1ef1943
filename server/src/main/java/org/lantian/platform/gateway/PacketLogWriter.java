package org.lantian.platform.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.lantian.standards.hj212.Hj212Decoder;
import org.lantian.standards.hj212.Hj212Framer;
import org.lantian.standards.hj212.RejectReason;
import org.lantian.standards.hj212.Tolerance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writers' side of the packet log: consumes the partitions Kafka gives this node and stores their
 * packets through the same commit as a single node's ({@link PacketWriter}), moving the partition's
 * position in PostgreSQL in the same transaction. On every assignment a partition is read from the position
 * stored there, not from Kafka's committed offsets: a batch is stored with its position or not at all.
 */
final class PacketLogWriter {

    private static final Logger log = LoggerFactory.getLogger(PacketLogWriter.class);
    /** The gateway checked the device's own tolerances; the writer must not refuse what was acknowledged. */
    private static final EnumSet<Tolerance> ANY_TOLERANCE = EnumSet.allOf(Tolerance.class);

    private final PacketLogProperties properties;
    private final PacketWriter writer;
    private final Devices devices;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    PacketLogWriter(PacketLogProperties properties, PacketWriter writer, Devices devices, int maxBatch) {
        this.properties = properties;
        this.writer = writer;
        this.devices = devices;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, properties.group(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxBatch,
                ConsumerConfig.CLIENT_ID_CONFIG, "lantian-writer"),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "gateway-log-writer");
    }

    void start() {
        consumer.subscribe(List.of(properties.topic()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // nothing to hand over: the positions are in PostgreSQL, moved with every stored batch
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                partitions.forEach(PacketLogWriter.this::seekToStoredPosition);
            }
        });
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }

    private void seekToStoredPosition(TopicPartition partition) {
        Optional<Long> stored = writer.logPosition(partition.topic(), partition.partition());
        if (stored.isPresent()) {
            consumer.seek(partition, stored.get());
        } else {
            consumer.seekToBeginning(List.of(partition));
        }
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                for (TopicPartition partition : records.partitions()) {
                    store(partition, records.records(partition));
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            log.error("packet log writer stopped: {}", e.getMessage(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** One partition's records of this poll, stored with the partition's new position, or read again from the stored one. */
    private void store(TopicPartition partition, List<ConsumerRecord<String, byte[]>> records) {
        List<Object> batch = new ArrayList<>(records.size());
        records.forEach(r -> batch.add(packet(r)));
        long from = records.get(0).offset();
        long next = records.get(records.size() - 1).offset() + 1;
        boolean stored;
        try {
            stored = writer.commitFromLog(batch, new PacketWriter.LogPosition(partition.topic(), partition.partition(), from, next));
        } catch (RuntimeException e) {
            log.error("packets {}–{} of {} not stored, read again: {}", from, next - 1, partition, e.getMessage(), e);
            stored = false;
        }
        if (!stored) {
            seekToStoredPosition(partition);
        }
    }

    /** A record back as the packet the gateway accepted, or, when its device has since gone, as a refusal keeping its bytes. */
    private Object packet(ConsumerRecord<String, byte[]> record) {
        byte[] bytes = record.value();
        Instant receivedAt = PacketLog.header(record.headers(), PacketLog.RECEIVED_AT).map(Instant::parse)
                .orElse(Instant.ofEpochMilli(record.timestamp()));
        String remote = PacketLog.header(record.headers(), PacketLog.REMOTE).orElse("?");
        Optional<Devices.Registered> device = devices.forPacket(record.key());
        Hj212Framer.Scan scan = Hj212Framer.scan(bytes, 0, bytes.length, true);
        if (device.isPresent() && scan instanceof Hj212Framer.Frame frame
                && Hj212Decoder.decode(bytes, frame, ANY_TOLERANCE) instanceof Hj212Decoder.Accepted accepted) {
            return new PacketWriter.Incoming(accepted.packet(), device.get().device(), remote, receivedAt, replies -> { },
                    List.of(), false);
        }
        log.error("packet of {} at {} in the packet log can no longer be read as accepted; kept as a refusal", record.key(), record.offset());
        return new PacketWriter.Refused(receivedAt, remote, record.key(), RejectReason.UNKNOWN_DEVICE.name(),
                "已确认的报文在写入时无法还原（设备已删除？）", bytes);
    }
}
