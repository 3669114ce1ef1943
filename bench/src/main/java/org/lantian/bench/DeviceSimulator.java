package org.lantian.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import org.lantian.standards.hj212.Hj212Crc;
import org.lantian.standards.hj212.Hj212Encoder;

/**
 * Thousands of simulated data loggers reporting to a Lantian gateway over loopback: stack monitors (2017),
 * dust monitors that send no CR LF, and 2005-style loggers. Each waits for its acknowledgements, resends
 * what was not acknowledged within 5 s (up to 3 times, as HJ 212 §6.2 loggers do) and reconnects after a
 * disconnect. Faults on request: bad CRC, vendor (Modbus) CRC, sticky and split writes, slow writers,
 * disconnects. Reports packets sent, acknowledged, resent and the acknowledgement latency.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.lantian.bench.DeviceSimulator url=http://localhost:8080 token=lt_… \
 *      gateway=localhost:9212 devices=1000 rate=5000 seconds=600 [ramp=30] [faults=default] [acked=/tmp/acked.txt]
 * java -cp bench/target/benchmarks.jar org.lantian.bench.DeviceSimulator verify=/tmp/acked.txt \
 *      jdbc=jdbc:postgresql://localhost:54329/postgres?user=postgres
 * </pre>
 */
public final class DeviceSimulator {

    private static final long RESEND_AFTER_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Map<String, String> options;
    private final List<Device> devices = new ArrayList<>();
    private final Random random = new Random(212);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong corrupted = new AtomicLong();
    private final AtomicLong disconnects = new AtomicLong();
    /** Acknowledgement latencies in a histogram of 0.1 ms buckets up to 60 s: millions of samples, no boxing. */
    private final java.util.concurrent.atomic.AtomicLongArray latencyBuckets = new java.util.concurrent.atomic.AtomicLongArray(600_001);
    /** The same from the packet's first send: what its data waited, resends included. */
    private final java.util.concurrent.atomic.AtomicLongArray delayBuckets = new java.util.concurrent.atomic.AtomicLongArray(600_001);
    /** The same since the last report, in 1 ms buckets: whether the tail is steady queueing or the odd stall. */
    private final java.util.concurrent.atomic.AtomicLongArray intervalBuckets = new java.util.concurrent.atomic.AtomicLongArray(60_001);
    /** Every acknowledged (MN, QN), written as it comes: millions of keys kept in memory slowed the simulator itself. */
    private java.io.BufferedWriter ackedKeys;
    private final double badCrc;
    private final double sticky;
    private final double split;
    private final double slow;
    private final double disconnect;
    private EventLoopGroup group;
    private Bootstrap bootstrap;

    /** One logger: its identity, its connection, and what it sent that is not yet acknowledged. */
    final class Device {
        final String mn;
        final String pw;
        final String kind;
        final boolean v2005;
        final boolean tailless;
        final boolean modbusCrc;
        final Map<String, Pending> pending = new ConcurrentHashMap<>();
        volatile Channel channel;
        volatile boolean connecting;
        long sequence;
        byte[] held; // a packet kept back to be written together with the next (sticky)
        /** While a split or slow write is still going out, nothing else is written: a logger writes one packet at a time. */
        volatile long quietUntilNanos;

        Device(int n) {
            this.mn = String.format("SIM-%05d", n);
            this.pw = String.format("%06d", n);
            double r = random.nextDouble();
            this.kind = r < 0.7 ? "STACK" : r < 0.9 ? "DUST" : "STACK";
            this.v2005 = r >= 0.9;
            this.tailless = kind.equals("DUST");
            this.modbusCrc = n % 50 == 7;
        }

        String tolerances() {
            List<String> t = new ArrayList<>();
            if (tailless) {
                t.add("\"MISSING_TAIL\"");
            }
            if (modbusCrc) {
                t.add("\"CRC_MODBUS_LOW_FIRST\"");
            }
            return String.join(",", t);
        }

        /**
         * A day back from the start, one second a packet: recent enough for the gateway's plausibility check,
         * past enough never to run into the future.
         */
        static final LocalDateTime FIRST_DATA_TIME = firstDataTime();
        /** QNs count milliseconds from the run's start: runs a minute apart never repeat one another's. */
        static final LocalDateTime FIRST_QN = LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"));

        /** The highest sequence sent, for the next run's first data time. */
        long lastSequence() {
            return sequence;
        }

        /** The next packet: a real-time upload (2011) with a fresh QN and data time, asking for an acknowledgement. */
        String nextSegment() {
            sequence++;
            LocalDateTime at = FIRST_DATA_TIME.plusSeconds(sequence);
            String qn = Hj212Encoder.qn(FIRST_QN.plusNanos(sequence * 1_000_000L)); // a millisecond a packet from the run's start: new on every run
            String time = Hj212Encoder.time(at);
            if (kind.equals("DUST")) {
                return "QN=" + qn + ";ST=39;CN=2011;PW=" + pw + ";MN=" + mn + ";Flag=5;CP=&&DataTime=" + time
                        + ";a34001-Rtd=" + value(150) + ",a34001-Flag=N;a34002-Rtd=" + value(90) + ",a34002-Flag=N;a34004-Rtd="
                        + value(45) + ",a34004-Flag=N;LA-Rtd=" + value(60) + ";a01001-Rtd=" + value(20) + ";a01007-Rtd=" + value(3) + "&&";
            }
            String flag = v2005 ? "1" : "5";
            return "QN=" + qn + ";ST=31;CN=2011;PW=" + pw + ";MN=" + mn + ";Flag=" + flag + ";CP=&&DataTime=" + time
                    + ";a21026-Rtd=" + value(25) + ",a21026-ZsRtd=" + value(28) + ",a21026-Flag=N;a21002-Rtd=" + value(35)
                    + ",a21002-ZsRtd=" + value(40) + ",a21002-Flag=N;a34013-Rtd=" + value(4) + ",a34013-ZsRtd=" + value(4.5)
                    + ",a34013-Flag=N;a19001-Rtd=" + value(10) + ";a01011-Rtd=" + value(9) + ";a01012-Rtd=" + value(48)
                    + ";a01013-Rtd=-0.12;a01014-Rtd=" + value(8) + ";a00000-Rtd=" + value(120) + "&&";
        }

        byte[] frame(String segment) {
            byte[] packet = Hj212Encoder.frame(segment);
            if (modbusCrc) {
                byte[] body = segment.getBytes(StandardCharsets.US_ASCII);
                int crc = Hj212Crc.swapped(Hj212Crc.modbus(body, 0, body.length));
                System.arraycopy(Hj212Crc.hex(crc).getBytes(StandardCharsets.US_ASCII), 0, packet, packet.length - 6, 4);
            }
            return tailless ? java.util.Arrays.copyOf(packet, packet.length - 2) : packet;
        }
    }

    record Pending(byte[] bytes, long firstSentNanos, long lastSentNanos, int attempts) {
    }

    private static String value(double typical) {
        long cents = Math.round(typical * (80 + 40 * ThreadLocalRandom.current().nextDouble())); // String.format cost more than the rest of a packet
        long fraction = cents % 100;
        return cents / 100 + (fraction < 10 ? ".0" : ".") + fraction;
    }

    DeviceSimulator(Map<String, String> options) {
        this.options = options;
        Map<String, Double> faults = faults(options.getOrDefault("faults", "none"));
        badCrc = faults.getOrDefault("badcrc", 0.0);
        sticky = faults.getOrDefault("sticky", 0.0);
        split = faults.getOrDefault("split", 0.0);
        slow = faults.getOrDefault("slow", 0.0);
        disconnect = faults.getOrDefault("disconnect", 0.0);
    }

    private static Map<String, Double> faults(String spec) {
        if (spec.equals("none")) {
            return Map.of();
        }
        if (spec.equals("default")) {
            spec = "badcrc:0.001,sticky:0.05,split:0.05,slow:0.001,disconnect:0.0002";
        }
        Map<String, Double> faults = new HashMap<>();
        for (String item : spec.split(",")) {
            String[] kv = item.split(":");
            faults.put(kv[0], Double.parseDouble(kv[1]));
        }
        return faults;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        if (options.containsKey("verify")) {
            Verify.run(Path.of(options.get("verify")), options.get("jdbc"));
            return;
        }
        new DeviceSimulator(options).run();
    }

    /**
     * A day back from now, or just after the data times the previous run on this machine used (noted in
     * {@link #DATA_TIME_FILE}): a device's series is keyed by data time, and a run repeating the last one's
     * would only find its rows stored already.
     */
    static LocalDateTime firstDataTime() {
        LocalDateTime dayBack = LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).withNano(0);
        try {
            LocalDateTime next = LocalDateTime.parse(Files.readString(DATA_TIME_FILE).strip());
            return next.isAfter(dayBack) ? next : dayBack;
        } catch (IOException | java.time.format.DateTimeParseException none) {
            return dayBack;
        }
    }

    static final Path DATA_TIME_FILE = Path.of(System.getProperty("java.io.tmpdir"), "lantian-simulator-next-data-time");

    void run() throws Exception {
        int count = Integer.parseInt(options.getOrDefault("devices", "1000"));
        for (int n = 1; n <= count; n++) {
            devices.add(new Device(n));
        }
        if (!options.getOrDefault("register", "true").equals("false")) {
            register();
        }
        String[] gateway = options.getOrDefault("gateway", "localhost:9212").split(":");
        boolean epoll = io.netty.channel.epoll.Epoll.isAvailable();
        group = new MultiThreadIoEventLoopGroup(2, epoll ? io.netty.channel.epoll.EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        bootstrap = new Bootstrap().group(group).channel(epoll ? io.netty.channel.epoll.EpollSocketChannel.class : NioSocketChannel.class).option(ChannelOption.TCP_NODELAY, true)
                .remoteAddress(gateway[0], Integer.parseInt(gateway[1]));
        for (Device d : devices) {
            connect(d);
        }
        if (options.containsKey("acked")) {
            ackedKeys = Files.newBufferedWriter(Path.of(options.get("acked")));
        }
        double rate = Double.parseDouble(options.getOrDefault("rate", "1000"));
        long seconds = Long.parseLong(options.getOrDefault("seconds", "60"));
        long rampNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(options.getOrDefault("ramp", "0")));
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long nextReport = start + TimeUnit.SECONDS.toNanos(10);
        long nextResendCheck = start;
        double owed = 0;
        long lastTick = start;
        Iterator<Device> turn = devices.iterator();
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            owed += rateAt(rate, now - start, rampNanos) * (now - lastTick) / 1e9;
            lastTick = now;
            for (; owed >= 1; owed--) {
                if (!turn.hasNext()) {
                    turn = devices.iterator();
                }
                send(turn.next(), now);
            }
            if (now >= nextResendCheck) { // a scan of everything pending: twice a second is enough
                resendOverdue(now);
                nextResendCheck = now + TimeUnit.MILLISECONDS.toNanos(500);
            }
            if (now >= nextReport) {
                report((now - start) / 1e9);
                nextReport += TimeUnit.SECONDS.toNanos(10);
                if (acked.get() == 0 && sent.get() > 0) {
                    // every packet refused is no load test: say so instead of measuring the refusals
                    System.out.println("nothing acknowledged in the first 10 s: the gateway refuses these packets; "
                            + "see the devices' refusals (GET /api/gateway/devices/SIM-00001/rejections)");
                    group.shutdownGracefully().syncUninterruptibly();
                    System.exit(2);
                }
            }
            Thread.sleep(2);
        }
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (devices.stream().anyMatch(d -> !d.pending.isEmpty()) && System.nanoTime() < drainUntil) {
            resendOverdue(System.nanoTime());
            Thread.sleep(500);
        }
        report((System.nanoTime() - start) / 1e9);
        summary(seconds);
        long used = devices.stream().mapToLong(Device::lastSequence).max().orElse(0);
        Files.writeString(DATA_TIME_FILE, Device.FIRST_DATA_TIME.plusSeconds(used + 1).toString());
        if (options.containsKey("acked")) {
            synchronized (this) {
                ackedKeys.close();
            }
        }
        group.shutdownGracefully().syncUninterruptibly();
    }

    /**
     * The rate {@code elapsed} into the run: rising linearly over the ramp, as loggers come online one after another
     * rather than all in the same millisecond, then the target.
     */
    static double rateAt(double target, long elapsedNanos, long rampNanos) {
        return elapsedNanos >= rampNanos ? target : target * elapsedNanos / rampNanos;
    }

    private void register() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String url = options.getOrDefault("url", "http://localhost:8080");
        String token = options.get("token");
        for (Device d : devices) {
            String body = "{\"device\": {\"mn\": \"" + d.mn + "\", \"name\": \"模拟设备 " + d.mn + "\", \"kind\": \"" + d.kind
                    + "\", \"protocol\": \"" + (d.v2005 ? "V2005" : "V2017") + "\", \"st\": \"" + (d.kind.equals("DUST") ? "39" : "31")
                    + "\", \"password\": \"" + d.pw + "\", \"tolerances\": [" + d.tolerances() + "]}, \"reason\": \"simulator\"}";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/gateway/devices/" + d.mn))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("registering " + d.mn + ": " + r.statusCode() + " " + r.body());
            }
        }
        System.out.printf("registered %d devices%n", devices.size());
    }

    private void connect(Device d) {
        if (d.connecting) {
            return;
        }
        d.connecting = true;
        bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new LineBasedFrameDecoder(4096), new SimpleChannelInboundHandler<ByteBuf>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf line) {
                        acknowledged(d, line.toString(StandardCharsets.US_ASCII));
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        ctx.close();
                    }
                });
            }
        }).connect().addListener(f -> {
            d.connecting = false;
            if (f.isSuccess()) {
                d.channel = ((io.netty.channel.ChannelFuture) f).channel();
                d.channel.closeFuture().addListener(c -> group.schedule(() -> connect(d), 1, TimeUnit.SECONDS));
                d.pending.values().forEach(p -> write(d, p.bytes())); // what was not acknowledged goes again
            } else {
                group.schedule(() -> connect(d), 1, TimeUnit.SECONDS);
            }
        });
    }

    private void acknowledged(Device d, String line) {
        int at = line.indexOf("QN=");
        if (at < 0 || !line.contains("CN=9014")) {
            return;
        }
        String qn = line.substring(at + 3, at + 20);
        Pending p = d.pending.remove(qn);
        if (p != null) {
            acked.incrementAndGet();
            long now = System.nanoTime();
            long latency = now - p.lastSentNanos();
            latencyBuckets.incrementAndGet((int) Math.min(600_000, latency / 100_000));
            delayBuckets.incrementAndGet((int) Math.min(600_000, (now - p.firstSentNanos()) / 100_000));
            intervalBuckets.incrementAndGet((int) Math.min(60_000, latency / 1_000_000));
            writeAcked(d.mn, qn);
        }
    }

    private synchronized void writeAcked(String mn, String qn) {
        if (ackedKeys == null) {
            return;
        }
        try {
            ackedKeys.write(mn);
            ackedKeys.write(',');
            ackedKeys.write(qn);
            ackedKeys.write('\n');
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void send(Device d, long now) {
        Channel ch = d.channel;
        if (ch == null || !ch.isActive() || now < d.quietUntilNanos) {
            return; // an unconnected logger keeps its data; this turn is lost
        }
        String segment = d.nextSegment();
        String qn = segment.substring(3, 20);
        byte[] bytes = d.frame(segment);
        sent.incrementAndGet();
        if (random.nextDouble() < badCrc) {
            bytes = bytes.clone();
            bytes[bytes.length - (d.tailless ? 1 : 3)] ^= 1; // the gateway must drop it silently
            corrupted.incrementAndGet();
            write(d, bytes);
            return;
        }
        d.pending.put(qn, new Pending(bytes, now, now, 1));
        write(d, bytes);
        if (random.nextDouble() < disconnect) {
            disconnects.incrementAndGet();
            ch.close();
        }
    }

    private void write(Device d, byte[] bytes) {
        Channel ch = d.channel;
        if (ch == null || !ch.isActive()) {
            return;
        }
        double r = random.nextDouble();
        byte[] held = d.held; // the event loop may send it meanwhile
        if (held != null) {
            byte[] both = new byte[held.length + bytes.length];
            System.arraycopy(held, 0, both, 0, held.length);
            System.arraycopy(bytes, 0, both, held.length, bytes.length);
            d.held = null;
            ch.writeAndFlush(Unpooled.wrappedBuffer(both));
        } else if (r < sticky && !d.tailless) {
            d.held = bytes;
            ch.eventLoop().schedule(() -> {
                if (d.held == bytes) {
                    d.held = null;
                    ch.writeAndFlush(Unpooled.wrappedBuffer(bytes));
                }
            }, 20, TimeUnit.MILLISECONDS);
        } else if (r < sticky + split) {
            d.quietUntilNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(15);
            int a = bytes.length / 3;
            ch.writeAndFlush(Unpooled.wrappedBuffer(bytes, 0, a));
            ch.eventLoop().schedule(() -> ch.writeAndFlush(Unpooled.wrappedBuffer(bytes, a, a)), 5, TimeUnit.MILLISECONDS);
            ch.eventLoop().schedule(() -> ch.writeAndFlush(Unpooled.wrappedBuffer(bytes, 2 * a, bytes.length - 2 * a)), 10, TimeUnit.MILLISECONDS);
        } else if (r < sticky + split + slow) {
            d.quietUntilNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(bytes.length + 5);
            for (int i = 0; i < bytes.length; i++) {
                int at = i;
                ch.eventLoop().schedule(() -> ch.writeAndFlush(Unpooled.wrappedBuffer(bytes, at, 1)), i, TimeUnit.MILLISECONDS);
            }
        } else {
            ch.writeAndFlush(Unpooled.wrappedBuffer(bytes));
        }
    }

    private void resendOverdue(long now) {
        for (Device d : devices) {
            for (Map.Entry<String, Pending> e : d.pending.entrySet()) {
                Pending p = e.getValue();
                if (now - p.lastSentNanos() < RESEND_AFTER_NANOS || now < d.quietUntilNanos) {
                    continue;
                }
                if (p.attempts() > 3) {
                    d.pending.remove(e.getKey());
                    failed.incrementAndGet();
                } else {
                    d.pending.put(e.getKey(), new Pending(p.bytes(), p.firstSentNanos(), now, p.attempts() + 1));
                    resent.incrementAndGet();
                    write(d, p.bytes());
                }
            }
        }
    }

    private void report(double seconds) {
        long pending = devices.stream().mapToLong(d -> d.pending.size()).sum();
        long[] interval = new long[intervalBuckets.length()];
        long intervalTotal = 0;
        for (int i = 0; i < interval.length; i++) {
            interval[i] = intervalBuckets.getAndSet(i, 0);
            intervalTotal += interval[i];
        }
        System.out.printf("%6.0f s: sent %d, acknowledged %d (%.0f/s), resent %d, pending %d, given up %d, corrupted on purpose %d, disconnects %d;"
                        + " this interval p50 %d ms, p99 %d ms%n",
                seconds, sent.get(), acked.get(), acked.get() / seconds, resent.get(), pending, failed.get(), corrupted.get(), disconnects.get(),
                rank(interval, intervalTotal, 50), rank(interval, intervalTotal, 99));
    }

    /** The upper edge, in buckets, of the one holding the given percentile of {@code total} samples. */
    private static int rank(long[] buckets, long total, double percent) {
        long rank = (long) Math.ceil(percent / 100 * total);
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += buckets[i];
            if (seen >= rank && total > 0) {
                return i + 1;
            }
        }
        return 0;
    }

    private void summary(long seconds) {
        System.out.printf("devices %d, %d s: acknowledged %d of %d sent (%d corrupted on purpose), resent %d, given up %d%n",
                devices.size(), seconds, acked.get(), sent.get(), corrupted.get(), resent.get(), failed.get());
        printPercentiles("acknowledgement latency (from the last send)", latencyBuckets);
        printPercentiles("acknowledgement delay (from the first send, resends included)", delayBuckets);
    }

    private static void printPercentiles(String what, java.util.concurrent.atomic.AtomicLongArray histogram) {
        long[] buckets = new long[histogram.length()];
        long total = 0;
        int max = 0;
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = histogram.get(i);
            total += buckets[i];
            max = buckets[i] > 0 ? i : max;
        }
        if (total > 0) {
            System.out.printf("%s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", what,
                    rank(buckets, total, 50) / 10.0, rank(buckets, total, 95) / 10.0, rank(buckets, total, 99) / 10.0, max / 10.0);
        }
    }

    /** Checks that every acknowledged packet is stored, exactly once. */
    static final class Verify {
        static void run(Path acked, String jdbc) throws Exception {
            List<String> keys = Files.readAllLines(acked);
            try (var c = java.sql.DriverManager.getConnection(jdbc); var st = c.createStatement()) {
                st.execute("CREATE TEMP TABLE acked (mn text, qn text)");
                var copy = new org.postgresql.copy.CopyManager(c.unwrap(org.postgresql.core.BaseConnection.class));
                copy.copyIn("COPY acked FROM STDIN WITH (FORMAT csv)", new java.io.StringReader(String.join("\n", keys) + "\n"));
                var rs = st.executeQuery("""
                        SELECT count(*) FILTER (WHERE n = 0), count(*) FILTER (WHERE n > 1), count(*)
                          FROM (SELECT a.mn, a.qn, (SELECT count(*) FROM gateway_packet p WHERE p.mn = a.mn AND p.qn = a.qn) n FROM acked a) x""");
                rs.next();
                System.out.printf("acknowledged %d: missing %d, stored more than once %d%n", rs.getLong(3), rs.getLong(1), rs.getLong(2));
                var all = st.executeQuery("SELECT count(*) FROM gateway_packet WHERE mn LIKE 'SIM-%'");
                all.next();
                System.out.printf("stored packets of simulated devices: %d (more than acknowledged = stored but the acknowledgement was lost)%n", all.getLong(1));
            }
        }
    }
}
