package org.lantian.platform.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The packet log on Apache Kafka, for several gateway and writer nodes (docs/deployment.md). Off when no
 * broker is named: a single node commits packets to PostgreSQL itself.
 *
 * @param bootstrapServers brokers, {@code host:port[,host:port]} ({@code LANTIAN_KAFKA}); empty: no Kafka
 * @param topic            the log of accepted packets, keyed by MN so a device's packets stay in order
 * @param partitions       partitions of the topic when the platform creates it: at most this many writers share the work
 * @param replicas         copies of each partition when the platform creates the topic (capped by the brokers there are)
 * @param deliveryTimeout  how long a packet may take to reach the brokers before it is given up unacknowledged; under
 *                         HJ 212's 5 s resend time, so a logger never waits for an acknowledgement that comes too late
 * @param group            the writers' consumer group
 */
@ConfigurationProperties("lantian.kafka")
record PacketLogProperties(@DefaultValue("") String bootstrapServers, @DefaultValue("lantian.gateway.packets") String topic,
                           @DefaultValue("12") int partitions, @DefaultValue("3") short replicas,
                           @DefaultValue("4s") Duration deliveryTimeout, @DefaultValue("lantian-writers") String group) {

    boolean enabled() {
        return !bootstrapServers.isBlank();
    }
}
