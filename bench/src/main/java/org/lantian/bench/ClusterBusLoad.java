package org.lantian.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * What PostgreSQL's LISTEN/NOTIFY carries between nodes (the cluster bus): one connection listens as a node
 * does; {@code publishers} connections each commit {@code messages} transactions that notify (a message of
 * ~200 bytes, the size of a ticket change), as fast as they can. Prints messages per second received and the
 * commit-to-receipt latency p50, p99 and max.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.lantian.bench.ClusterBusLoad JDBC_URL USER PASSWORD [PUBLISHERS] [MESSAGES_EACH] [GAP_MICROS]
 * </pre>
 */
public final class ClusterBusLoad {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        int publishers = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int each = args.length > 4 ? Integer.parseInt(args[4]) : 5_000;
        long gapMicros = args.length > 5 ? Long.parseLong(args[5]) : 0; // between one publisher's messages: 0 as fast as it can
        int total = publishers * each;
        long[] latencies = new long[total];
        AtomicInteger received = new AtomicInteger();
        String filler = "x".repeat(160);

        try (Connection listen = DriverManager.getConnection(url, user, password)) {
            try (Statement s = listen.createStatement()) {
                s.execute("LISTEN lantian_bench");
            }
            PGConnection pg = listen.unwrap(PGConnection.class);
            Thread[] threads = new Thread[publishers];
            long start = System.nanoTime();
            for (int t = 0; t < publishers; t++) {
                threads[t] = new Thread(() -> {
                    try (Connection c = DriverManager.getConnection(url, user, password);
                         PreparedStatement notify = c.prepareStatement("SELECT pg_notify('lantian_bench', ?)")) {
                        c.setAutoCommit(false);
                        for (int i = 0; i < each; i++) {
                            notify.setString(1, System.nanoTime() + "\t" + filler);
                            notify.executeQuery().close();
                            c.commit();
                            if (gapMicros > 0) {
                                java.util.concurrent.locks.LockSupport.parkNanos(gapMicros * 1000);
                            }
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                threads[t].start();
            }
            long last = System.nanoTime();
            while (received.get() < total && System.nanoTime() - last < 10_000_000_000L) {
                PGNotification[] batch = pg.getNotifications(500);
                if (batch == null) {
                    continue;
                }
                long now = System.nanoTime();
                last = now;
                for (PGNotification n : batch) {
                    String p = n.getParameter();
                    latencies[received.getAndIncrement()] = now - Long.parseLong(p.substring(0, p.indexOf('\t')));
                }
            }
            double seconds = (last - start) / 1e9;
            for (Thread t : threads) {
                t.join();
            }
            long[] got = Arrays.copyOf(latencies, received.get());
            Arrays.sort(got);
            System.out.printf("%d publishers × %d: received %d in %.2f s = %.0f messages/s; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    publishers, each, got.length, seconds, got.length / seconds, got[got.length / 2] / 1e6,
                    got[(int) (got.length * 0.99)] / 1e6, got[got.length - 1] / 1e6);
        }
    }
}
