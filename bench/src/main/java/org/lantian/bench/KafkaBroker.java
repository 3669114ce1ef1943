package org.lantian.bench;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Apache Kafka's own KRaft broker (one node, combined controller and broker) until the process is stopped:
 * the packet log for gateway runs on one machine. It prints its address (a free port) for the node's
 * {@code --lantian.kafka.bootstrap-servers}.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.lantian.bench.KafkaBroker [PARTITIONS]
 * </pre>
 */
public final class KafkaBroker {

    public static void main(String[] args) throws InterruptedException {
        int partitions = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions, "lantian.gateway.packets");
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        System.out.println("Kafka broker on " + broker.getBrokersAsString() + " with the topic lantian.gateway.packets ("
                + partitions + " partitions); stop the process to stop it");
        Thread.currentThread().join();
    }
}
