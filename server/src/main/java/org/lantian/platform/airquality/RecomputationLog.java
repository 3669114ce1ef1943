package org.lantian.platform.airquality;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lantian.platform.cluster.KafkaTopics;
import org.lantian.platform.monitoring.ObservationsRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * With Kafka named ({@code LANTIAN_KAFKA}), ingestion events go through a topic and every node takes a
 * share of the recomputations they ask for (consumer group {@value #GROUP}), instead of the node that
 * stored the batch doing all of them. An event reaches the topic from the event publication registry: if
 * the brokers do not take it, the publication stays incomplete and is sent again when the node restarts.
 * A node commits its position only after the recomputation, so one that dies mid-way leaves the event to
 * the node that takes its partition over; recomputing twice gives the same results. Without Kafka the
 * node that stored recomputes, as a single node does.
 */
@Component
class RecomputationLog implements AutoCloseable {

    static final String TOPIC = "lantian.observations.recorded";
    static final String GROUP = "lantian-recompute";
    private static final Logger log = LoggerFactory.getLogger(RecomputationLog.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final String bootstrapServers;
    private final short replicas;
    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> consumer;
    private Thread reader;

    RecomputationLog(@Value("${lantian.kafka.bootstrap-servers:}") String bootstrapServers,
                     @Value("${lantian.kafka.replicas:3}") short replicas) {
        this.bootstrapServers = bootstrapServers;
        this.replicas = replicas;
    }

    boolean enabled() {
        return !bootstrapServers.isBlank();
    }

    /** Appends an event once every in-sync replica has it; throws when they do not within 10 s. */
    void append(ObservationsRecorded event) {
        try {
            producer().send(new ProducerRecord<>(TOPIC, Long.toString(event.batchId()), JSON.writeValueAsString(event)))
                    .get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("batch " + event.batchId() + " not taken by " + TOPIC + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while appending batch " + event.batchId() + " to " + TOPIC, e);
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.CLIENT_ID_CONFIG, "lantian-recompute-events"),
                    new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    /** Starts reading this node's share of the events into {@code recompute}. */
    synchronized void start(Consumer<ObservationsRecorded> recompute) {
        KafkaTopics.ensure(bootstrapServers, TOPIC, 12, replicas);
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, "lantian-recompute"),
                new StringDeserializer(), new StringDeserializer());
        reader = new Thread(() -> read(recompute), "recompute-log");
        reader.setDaemon(true);
        reader.start();
        log.info("Recomputations go through {} on {}", TOPIC, bootstrapServers);
    }

    private void read(Consumer<ObservationsRecorded> recompute) {
        try {
            consumer.subscribe(List.of(TOPIC));
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (!recomputed(record, recompute)) {
                        break;
                    }
                }
            }
        } catch (WakeupException closing) {
            // stop() woke the consumer up
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Recomputes for one event and moves past it; on failure stays on it, to be read again after a pause,
     * and answers false so the rest of the poll waits.
     */
    private boolean recomputed(ConsumerRecord<String, String> record, Consumer<ObservationsRecorded> recompute) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        ObservationsRecorded event;
        try {
            event = JSON.readValue(record.value(), ObservationsRecorded.class);
        } catch (RuntimeException unreadable) { // not ours to recompute, and no later reading changes it
            log.error("not an ingestion event at {} partition {} offset {}, skipped: {}", record.topic(), record.partition(),
                    record.offset(), unreadable.toString());
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
            return true;
        }
        try {
            recompute.accept(event);
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
            return true;
        } catch (WakeupException closing) {
            throw closing;
        } catch (RuntimeException e) {
            log.warn("recomputation for {} (partition {}, offset {}) failed, tried again in {} s: {}", record.key(), record.partition(),
                    record.offset(), RETRY_AFTER.toSeconds(), e.toString());
            consumer.seek(partition, record.offset());
            try {
                Thread.sleep(RETRY_AFTER.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (reader != null) {
            consumer.wakeup();
            reader.join(10_000);
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
