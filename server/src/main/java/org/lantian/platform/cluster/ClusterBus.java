package org.lantian.platform.cluster;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Messages between the nodes that share the database, over PostgreSQL's LISTEN/NOTIFY. A message
 * published inside a transaction is delivered when (and only if) it commits, so a node never hears of a
 * change the database does not hold; outside a transaction it goes at once. Each node listens on one
 * connection of its own and hands each message from another node to the handlers of its topic, on the
 * listening thread (handlers must be quick). A message carries a topic and a short text (at most
 * {@value #MAX_BODY_BYTES} bytes: ids, not data; the receiver reads the rest from the database). A node
 * whose listening connection broke tells every topic's {@linkplain #onResync resync handlers} once it is
 * back, since it may have missed messages meanwhile.
 */
@Service
public class ClusterBus implements SmartLifecycle {

    static final String CHANNEL = "lantian_cluster";
    static final int MAX_BODY_BYTES = 7_000;
    private static final Logger log = LoggerFactory.getLogger(ClusterBus.class);

    private final String node = UUID.randomUUID().toString();
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private final List<Runnable> resyncs = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private Thread listener;

    ClusterBus(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** This node's name on the bus. */
    public String node() {
        return node;
    }

    /** Handles messages of {@code topic} from the other nodes. */
    public void subscribe(String topic, Consumer<String> handler) {
        handlers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(handler);
    }

    /** Runs after the listening connection came back from a break: what was missed must be read again. */
    public void onResync(Runnable resync) {
        resyncs.add(resync);
    }

    /** Tells the other nodes, when the current transaction commits (at once outside one). */
    public void publish(String topic, String body) {
        if (topic.indexOf('\t') >= 0 || body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("cluster message too long or topic with a tab: " + topic);
        }
        jdbc.query("SELECT pg_notify(?, ?)", rs -> null, CHANNEL, node + '\t' + topic + '\t' + body);
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "cluster-bus");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean first = true;
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("LISTEN " + CHANNEL);
                if (!first) {
                    resyncs.forEach(ClusterBus::quietly);
                }
                first = false;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            dispatch(n.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("cluster bus: listening connection lost ({}); retrying in 1 s", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void dispatch(String message) {
        int first = message.indexOf('\t');
        int second = message.indexOf('\t', first + 1);
        if (first < 0 || second < 0 || message.startsWith(node + '\t')) {
            return; // malformed, or our own
        }
        String topic = message.substring(first + 1, second);
        String body = message.substring(second + 1);
        for (Consumer<String> handler : handlers.getOrDefault(topic, List.of())) {
            quietly(() -> handler.accept(body));
        }
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.warn("cluster bus handler failed", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
