package org.lantian.platform.gateway;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.lantian.platform.identity.Actors;
import org.lantian.platform.monitoring.Averaging;
import org.lantian.platform.monitoring.Ingestion;
import org.lantian.platform.monitoring.Observation;
import org.lantian.standards.BeijingTime;
import org.lantian.standards.hj212.Hj212Packet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits what the gateway received in groups, then acknowledges: an acknowledgement (9014, 9013) leaves
 * only after its packet is committed (durable-then-ack). A writer thread takes up to {@code maxBatch}
 * packets at a time, so under load one commit (and one fsync) carries many packets, and a quiet device
 * waits only for its own commit.
 */
final class PacketWriter {

    private static final Logger log = LoggerFactory.getLogger(PacketWriter.class);
    /** Ambient factor codes (HJ212 §3.3) and the pollutant each feeds; a05024 is O3 in every device seen. */
    static final Map<String, String> AMBIENT_POLLUTANTS = Map.of("a34004", "PM2_5", "a34002", "PM10", "a21026", "SO2",
            "a21004", "NO2", "a21005", "CO", "a05024", "O3");

    /**
     * An accepted packet, what to send once it is committed, and where; {@code firstOnConnection}: the device
     * has just connected, so commands queued while it was away follow the replies.
     */
    record Incoming(Hj212Packet packet, Device device, String remote, Instant receivedAt, Consumer<List<byte[]>> reply,
                    List<byte[]> replies, boolean firstOnConnection) {
    }

    /** A refused packet or junk, logged but never stored as data. */
    record Refused(Instant receivedAt, String remote, String mn, String reason, String detail, byte[] bytes) {
    }

    private final BlockingQueue<Object> queue;
    private final int maxBatch;
    private final java.time.Duration shedAfter;
    private final java.util.concurrent.atomic.AtomicLong shed = new java.util.concurrent.atomic.AtomicLong();
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Ingestion ingestion;
    private final Actors actors;
    private final ApplicationEventPublisher events;
    private final DeviceCommands commands;
    private final SplitSets splitSets;
    private final DataQuality quality;
    private final Clock clock;
    private volatile boolean running = true;
    private final List<Thread> threads = new ArrayList<>();

    PacketWriter(int maxBatch, java.time.Duration shedAfter, JdbcTemplate jdbc, TransactionTemplate transactions, Ingestion ingestion,
                 Actors actors, ApplicationEventPublisher events, DeviceCommands commands, SplitSets splitSets, Clock clock) {
        this.queue = new ArrayBlockingQueue<>(maxBatch * 4); // about a second of work: a deeper queue only ages packets towards their resend
        this.maxBatch = maxBatch;
        this.shedAfter = shedAfter;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.ingestion = ingestion;
        this.actors = actors;
        this.events = events;
        this.commands = commands;
        this.splitSets = splitSets;
        this.quality = new DataQuality(jdbc);
        this.clock = clock;
    }

    /**
     * Starts {@code writers} threads on the one queue: while one waits for its commit to reach the disk,
     * another prepares and sends the next batch. Order between batches does not matter: every reply
     * names the QN it answers, and storage is idempotent.
     */
    void start(int writers) {
        for (int i = 1; i <= writers; i++) {
            Thread thread = new Thread(this::run, "gateway-writer-" + i);
            threads.add(thread);
            thread.start();
        }
    }

    /** Stops after committing what is queued. */
    void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }

    /**
     * Packets queued or being committed, by MN and QN, with the replies owed to copies that came in
     * meanwhile. A device resends what was not acknowledged in time; under load such copies would each
     * cost a store and wait on the first copy's lock, which slows the commits further and brings more
     * resends. A copy of a packet in flight is instead answered when the first is committed.
     */
    private final Map<String, List<Runnable>> inFlight = new ConcurrentHashMap<>();

    /** Queues work; blocks when the writer is behind, which slows the connections feeding it (back-pressure). */
    void submit(Object work) {
        if (work instanceof Incoming i && i.packet().qn() != null) {
            Runnable reply = () -> i.reply().accept(i.replies());
            boolean[] copy = {false};
            inFlight.compute(key(i), (k, owed) -> {
                if (owed == null) {
                    return new java.util.concurrent.CopyOnWriteArrayList<>();
                }
                owed.add(reply);
                copy[0] = true;
                return owed;
            });
            if (copy[0]) {
                return;
            }
        }
        try {
            queue.put(work);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String key(Incoming i) {
        return i.packet().mn() + "\u0000" + i.packet().qn() + "\u0000" + i.packet().cn();
    }

    /** Ends a packet's flight: its copies get their replies if it was committed; otherwise they are dropped with it. */
    private void land(Incoming i, boolean committed) {
        if (i.packet().qn() == null) {
            return;
        }
        List<Runnable> owed = inFlight.remove(key(i));
        if (committed && owed != null) {
            owed.forEach(Runnable::run);
        }
    }

    private void run() {
        List<Object> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Object first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // nothing of this batch is acknowledged: the devices send it again
                log.error("gateway batch of {} not stored: {}", batch.size(), e.getMessage(), e);
                batch.forEach(w -> {
                    if (w instanceof Incoming i) {
                        land(i, false);
                    }
                });
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Object> batch) {
        commit(batch, null);
    }

    /** Where a batch read from the packet log starts and where the partition's stored position moves to. */
    record LogPosition(String topic, int partition, long from, long next) {
    }

    /**
     * Stores packets read from the packet log (already acknowledged by the gateway that appended them) and
     * moves the partition's position, in one transaction. False, with nothing stored, when the stored
     * position is no longer {@code from}: another writer has stored these records since.
     */
    boolean commitFromLog(List<Object> batch, LogPosition position) {
        return commit(batch, position);
    }

    /** The position from which a partition of the packet log is still to be stored, if any was stored. */
    Optional<Long> logPosition(String topic, int partition) {
        return jdbc.queryForList("SELECT next_offset FROM gateway_log_position WHERE topic = ? AND partition = ?", Long.class,
                topic, partition).stream().findFirst();
    }

    /** What one transaction stored: indexes of the packets new to the store, and the device statuses written. */
    private record Committed(Set<Integer> stored, Map<String, Instant> statusWritten) {
    }

    private boolean commit(List<Object> batch, LogPosition position) {
        List<Incoming> incoming = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        Instant staleBefore = clock.instant().minus(shedAfter);
        batch.forEach(w -> {
            if (w instanceof Incoming i) {
                if (position == null && isStale(i, staleBefore)) { // from the log: acknowledged already, never shed
                    shed(i);
                } else {
                    incoming.add(i);
                }
            } else {
                refused.add((Refused) w);
            }
        });
        Committed committed = actors.asSystem(() -> transactions.execute(status -> {
            if (position != null && !movePosition(position)) {
                return null;
            }
            Map<Integer, Long> stored = storePackets(incoming);
            storeSeries(incoming, stored);
            storeAmbientHours(incoming, stored.keySet());
            raiseExceedances(incoming, stored.keySet());
            announceSubmeterReadings(incoming, stored.keySet());
            storeRefused(refused);
            Map<String, Instant> statusWritten = touchStatus(incoming);
            recordAnswers(incoming, stored.keySet());
            return new Committed(stored.keySet(), statusWritten);
        }));
        if (committed == null) {
            incoming.forEach(i -> land(i, false));
            return false;
        }
        statusWritten.putAll(committed.statusWritten());
        splitSets.committed(committed.stored().stream().map(n -> incoming.get(n).packet()).toList());
        for (Incoming i : incoming) {
            if (!i.replies().isEmpty()) {
                i.reply().accept(i.replies());
            }
            land(i, true);
        }
        sendQueuedCommands(incoming);
        return true;
    }

    /** Moves a log partition's stored position from {@code from} to {@code next}; false when it is not at {@code from}. */
    private boolean movePosition(LogPosition p) {
        if (jdbc.update("UPDATE gateway_log_position SET next_offset = ? WHERE topic = ? AND partition = ? AND next_offset = ?",
                p.next(), p.topic(), p.partition(), p.from()) == 1) {
            return true;
        }
        return jdbc.update("INSERT INTO gateway_log_position (topic, partition, next_offset) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                p.topic(), p.partition(), p.next()) == 1;
    }

    /**
     * Waited past {@code shedAfter} and will be sent again: the logger asked for an acknowledgement (a
     * packet that did not is kept whatever its age: nobody would send it again).
     */
    static boolean isStale(Incoming i, Instant staleBefore) {
        return i.receivedAt().isBefore(staleBefore) && i.packet().ackRequested() && !i.packet().cn().startsWith("90");
    }

    private void shed(Incoming i) {
        land(i, false);
        long total = shed.incrementAndGet();
        if (total % 10_000 == 1) {
            log.warn("gateway behind: packets waiting longer than {} are dropped unacknowledged for their loggers to resend ({} so far)",
                    shedAfter, total);
        }
    }

    /** Packets dropped unacknowledged because they waited too long (see {@link GatewayProperties#shedAfter()}). */
    long shedCount() {
        return shed.get();
    }

    /** A device's answers (9011, 9012) to commands close or advance them. */
    private void recordAnswers(List<Incoming> incoming, Set<Integer> stored) {
        for (int n : stored) {
            Hj212Packet p = incoming.get(n).packet();
            if ((p.cn().equals("9011") || p.cn().equals("9012")) && p.qn() != null) {
                commands.answered(p.mn(), p.qn(), p.cn(), p.data().parameters());
            }
        }
    }

    /**
     * A device that has just connected gets what was queued for it while it was away; what is queued while it
     * is connected goes down at once ({@link CommandPush}).
     */
    private void sendQueuedCommands(List<Incoming> incoming) {
        Map<String, Incoming> latest = new HashMap<>();
        incoming.stream().filter(Incoming::firstOnConnection).forEach(i -> latest.put(i.packet().mn(), i));
        if (latest.isEmpty()) {
            return;
        }
        List<DeviceCommands.Outgoing> outgoing = transactions.execute(status -> commands.takeQueued(latest.keySet()));
        if (outgoing != null) {
            outgoing.forEach(o -> latest.get(o.mn()).reply().accept(List.of(o.bytes())));
        }
    }

    /**
     * Inserts the packets; returns the indexes (in {@code incoming}) of those new to the store, with their
     * ids. Ids are drawn first, so the insert need only return which ids it kept. The rows go as arrays in
     * one prepared statement: staging them in a temporary table cost a truncation, file operations and a
     * parse on every commit, more than the insert itself.
     */
    private Map<Integer, Long> storePackets(List<Incoming> incoming) {
        if (incoming.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = jdbc.queryForList("SELECT nextval('gateway_packet_id_seq') FROM generate_series(1, ?)", Long.class,
                incoming.size());
        int size = incoming.size();
        String[] mn = new String[size], qn = new String[size], cn = new String[size], dataTime = new String[size],
                receivedAt = new String[size], remote = new String[size], text = new String[size], tolerated = new String[size];
        for (int n = 0; n < size; n++) {
            Incoming i = incoming.get(n);
            Hj212Packet p = i.packet();
            mn[n] = p.mn();
            qn[n] = p.qn();
            cn[n] = p.cn();
            dataTime[n] = p.data().dataTime() == null ? null : instant(p.data().dataTime()).toString();
            receivedAt[n] = i.receivedAt().toString();
            remote[n] = i.remote();
            text[n] = p.text();
            tolerated[n] = p.tolerated().stream().map(Enum::name).collect(java.util.stream.Collectors.joining(",", "{", "}"));
        }
        // a retransmission (same MN, QN and CN), also within one batch, is skipped by the unique index
        Set<Long> kept = new HashSet<>(jdbc.queryForList("""
                INSERT INTO gateway_packet (id, mn, qn, cn, data_time, received_at, remote, text, tolerated)
                SELECT id, mn, qn, cn, data_time::timestamptz, received_at::timestamptz, remote, text, tolerated::text[]
                  FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                       AS t(id, mn, qn, cn, data_time, received_at, remote, text, tolerated)
                 ORDER BY id
                ON CONFLICT (mn, qn, cn) WHERE qn IS NOT NULL DO NOTHING
                RETURNING id""", Long.class, ids.toArray(Long[]::new), mn, qn, cn, dataTime, receivedAt, remote, text, tolerated));
        Map<Integer, Long> stored = new java.util.TreeMap<>();
        for (int n = 0; n < size; n++) {
            if (kept.contains(ids.get(n))) {
                stored.put(n, ids.get(n));
            }
        }
        return stored;
    }

    /** The values kept of each factor, as the series names them. */
    private static final String[] VALUE_SUFFIXES = {"Rtd", "Min", "Avg", "Max", "ZsRtd", "ZsAvg", "Cou"};

    /**
     * One row per device, command and data time with its factors as JSON. Pieces of a split set with the
     * same data time, also within this batch, merge into one row; a factor already stored keeps its value.
     */
    private void storeSeries(List<Incoming> incoming, Map<Integer, Long> stored) {
        Map<String, SeriesRow> rows = new java.util.LinkedHashMap<>();
        for (Map.Entry<Integer, Long> e : stored.entrySet()) {
            Hj212Packet p = incoming.get(e.getKey()).packet();
            if (p.data().dataTime() == null || !p.cn().startsWith("20")) {
                continue;
            }
            String time = instant(p.data().dataTime()).toString();
            SeriesRow row = rows.computeIfAbsent(p.mn() + '\u0000' + p.cn() + '\u0000' + time,
                    k -> new SeriesRow(p.mn(), p.cn(), time, e.getValue(), new StringBuilder(512), new HashSet<>()));
            p.data().factors().values().forEach(row::add);
        }
        if (rows.isEmpty()) {
            return;
        }
        int size = rows.size();
        String[] mn = new String[size], cn = new String[size], dataTime = new String[size], factors = new String[size];
        Long[] packetId = new Long[size];
        int n = 0;
        for (SeriesRow row : rows.values()) {
            mn[n] = row.mn();
            cn[n] = row.cn();
            dataTime[n] = row.dataTime();
            factors[n] = row.json();
            packetId[n++] = row.packetId();
        }
        jdbc.update("""
                INSERT INTO gateway_series AS s (mn, cn, data_time, factors, packet_id)
                SELECT mn, cn, data_time::timestamptz, factors::jsonb, packet_id
                  FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[]) AS t(mn, cn, data_time, factors, packet_id)
                ON CONFLICT (mn, cn, data_time) DO UPDATE SET factors = excluded.factors || s.factors
                 WHERE excluded.factors || s.factors <> s.factors""",
                mn, cn, dataTime, factors, packetId);
    }

    /** A series row being written: the JSON object of its factors, each factor once, the first value kept. */
    private record SeriesRow(String mn, String cn, String dataTime, long packetId, StringBuilder members, Set<String> factors) {
        /** The factors as one JSON object; written by hand because it runs for every packet and holds only codes, numbers and flags. */
        String json() {
            return "{" + members + "}";
        }

        void add(Hj212Packet.Factor f) {
            if (f.values().isEmpty() || !factors.add(f.code())) {
                return;
            }
            if (factors.size() > 1) {
                members.append(',');
            }
            members.append('"').append(jsonText(f.code())).append("\":{");
            for (String suffix : VALUE_SUFFIXES) {
                BigDecimal v = f.values().get(suffix);
                if (v != null) {
                    members.append('"').append(suffix).append("\":").append(v.toPlainString()).append(',');
                }
            }
            members.append("\"Flag\":\"").append(jsonText(f.flagOrNormal())).append("\"}");
        }

        /** Factor codes and flags are letters and digits once decoded; anything else is escaped, not trusted. */
        private static String jsonText(String s) {
            StringBuilder out = new StringBuilder(s.length());
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }

    /** Hourly data (2061) of ambient devices go on to their station through the monitoring write path. */
    private void storeAmbientHours(List<Incoming> incoming, Set<Integer> stored) {
        List<Observation> observations = new ArrayList<>();
        for (int n : stored) {
            Incoming i = incoming.get(n);
            Hj212Packet p = i.packet();
            if (i.device().kind() != DeviceKind.AMBIENT || !p.cn().equals("2061") || p.data().dataTime() == null) {
                continue;
            }
            Instant hourEnd = instant(p.data().dataTime()).plusSeconds(3600); // DataTime is the hour's start (HJ212 §3.1)
            p.data().factors().values().forEach(f -> {
                String pollutant = AMBIENT_POLLUTANTS.get(f.code());
                BigDecimal avg = f.values().get("Avg");
                if (pollutant != null && avg != null) {
                    observations.add(new Observation(i.device().stationCode(), pollutant, Averaging.HOUR, hourEnd,
                            Units.toStandard(pollutant, avg, i.device().units().get(f.code())), f.flagOrNormal()));
                }
            });
        }
        if (!observations.isEmpty()) {
            ingestion.ingest(new Ingestion.Submission("hj212", "hj212", null), sink -> {
                long[] line = {0};
                observations.forEach(o -> sink.accept(++line[0], o));
            });
        }
    }

    /** Sub-meter readings (real-time Rtd, or a period's Avg) of the packets stored, for the emergency module to judge. */
    private void announceSubmeterReadings(List<Incoming> incoming, Set<Integer> stored) {
        for (int n : stored) {
            Incoming i = incoming.get(n);
            Hj212Packet p = i.packet();
            if (i.device().kind() != DeviceKind.SUBMETER || p.data().dataTime() == null) {
                continue;
            }
            java.util.Map<String, BigDecimal> kw = new java.util.LinkedHashMap<>();
            p.data().factors().forEach((factor, f) -> {
                BigDecimal value = f.values().containsKey("Rtd") ? f.values().get("Rtd") : f.values().get("Avg");
                if (factor.matches("e\\d{5}") && value != null) {
                    kw.put(factor, value);
                }
            });
            if (!kw.isEmpty()) {
                events.publishEvent(new DeviceEvents.SubmeterReadings(i.device().mn(), instant(p.data().dataTime()), kw));
            }
        }
    }

    /**
     * Hourly converted values of stack outlets above their limits, and signs of a faulty or tampered
     * monitor, become events for the alert workflow.
     */
    private void raiseExceedances(List<Incoming> incoming, Set<Integer> stored) {
        for (int n : stored) {
            Incoming i = incoming.get(n);
            Device d = i.device();
            Hj212Packet p = i.packet();
            if ((d.kind() != DeviceKind.STACK && d.kind() != DeviceKind.VOC) || !p.cn().equals("2061") || p.data().dataTime() == null) {
                continue;
            }
            events.publishEvent(new DeviceEvents.StackHour(d.mn(), instant(p.data().dataTime())));
            d.limits().forEach((factor, limit) -> {
                Hj212Packet.Factor f = p.data().factors().get(factor);
                if (f == null || !"N".equals(f.flagOrNormal())) {
                    return;
                }
                BigDecimal value = f.values().containsKey("ZsAvg") ? f.values().get("ZsAvg") : f.values().get("Avg");
                if (value != null && value.compareTo(limit) > 0) {
                    events.publishEvent(new DeviceEvents.EmissionExceeded(d.mn(), d.countyCode(), d.boundTo(), factor,
                            instant(p.data().dataTime()), value, limit));
                }
                quality.check(d, factor, instant(p.data().dataTime()), limit).forEach(events::publishEvent);
                Hj212Packet.Factor o2 = p.data().factors().get("a19001");
                quality.checkConversion(d, factor, instant(p.data().dataTime()), f.values().get("Avg"), f.values().get("ZsAvg"),
                        o2 == null ? null : o2.values().get("Avg")).ifPresent(events::publishEvent);
            });
        }
    }

    private void storeRefused(List<Refused> refused) {
        if (refused.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO gateway_rejection (received_at, remote, mn, reason, detail, bytes) VALUES (?, ?, ?, ?, ?, ?)",
                refused.stream().map(r -> new Object[] {Timestamp.from(r.receivedAt()), r.remote(), r.mn(), r.reason(), r.detail(),
                        r.bytes()}).toList());
    }

    /**
     * A device's last packet time is written at most this often while it keeps sending: one row update per
     * packet was as many writes as packets. The watch's shortest silence is a minute, so it never judges a
     * sending device on a time this stale; pages add what this node saw since.
     */
    static final java.time.Duration STATUS_REFRESH = java.time.Duration.ofSeconds(30);
    /** When this node last wrote each device's status, for {@link #STATUS_REFRESH}; updated once committed. */
    private final Map<String, Instant> statusWritten = new ConcurrentHashMap<>();

    /** Marks devices online with their latest packet time, those not written for a while; returns what it wrote. */
    private Map<String, Instant> touchStatus(List<Incoming> incoming) {
        Map<String, Instant> last = new HashMap<>();
        incoming.forEach(i -> last.merge(i.packet().mn(), i.receivedAt(), (a, b) -> a.isAfter(b) ? a : b));
        last.entrySet().removeIf(e -> {
            Instant written = statusWritten.get(e.getKey());
            return written != null && !e.getValue().isBefore(written) && e.getValue().isBefore(written.plus(STATUS_REFRESH));
        });
        if (last.isEmpty()) {
            return last;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                INSERT INTO gateway_device_status (mn, online, last_packet_at, changed_at) VALUES (?, true, ?, ?)
                ON CONFLICT (mn) DO UPDATE SET last_packet_at = greatest(gateway_device_status.last_packet_at, excluded.last_packet_at),
                    changed_at = CASE WHEN gateway_device_status.online THEN gateway_device_status.changed_at ELSE excluded.changed_at END,
                    online = true""",
                last.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new Object[] {e.getKey(), Timestamp.from(e.getValue()), now}).toList());
        return last;
    }

    /** Device times are Beijing local times (HJ212 §3.1). */
    static Instant instant(LocalDateTime beijing) {
        return beijing.atZone(BeijingTime.ZONE).toInstant();
    }
}
