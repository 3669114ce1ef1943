package org.lantian.bench;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Apache Kafka's own KRaft broker (one node, combined controller and broker) on a fixed port until the
 * process is stopped: the packet log for gateway runs on one machine.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.lantian.bench.KafkaBroker [PORT] [PARTITIONS]
 * </pre>
 */
public final class KafkaBroker {

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9092;
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions, "lantian.gateway.packets").kafkaPorts(port);
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        System.out.println("Kafka broker on " + broker.getBrokersAsString() + " with the topic lantian.gateway.packets ("
                + partitions + " partitions); stop the process to stop it");
        Thread.currentThread().join();
    }
}
