package org.lantian.platform.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The platform's Kafka topics, created on first start where missing (docs/deployment.md, section 4). */
public final class KafkaTopics {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopics.class);

    private KafkaTopics() {
    }

    /**
     * Creates {@code topic} when it is missing, with as many replicas as asked for and the brokers allow, and
     * writes acknowledged by two of them when there are three or more.
     */
    public static void ensure(String bootstrapServers, String topic, int partitions, short replicas) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            int brokers = admin.describeCluster().nodes().get().size();
            short copies = (short) Math.max(1, Math.min(replicas, brokers));
            admin.createTopics(List.of(new NewTopic(topic, partitions, copies)
                    .configs(Map.of("min.insync.replicas", String.valueOf(Math.min(2, copies)))))).all().get();
            log.info("Created the Kafka topic {} ({} partitions, {} replicas)", topic, partitions, copies);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the Kafka topic " + topic + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the Kafka topic " + topic, e);
        }
    }
}
