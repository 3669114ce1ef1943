package org.lantian.platform.gateway;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;


import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.monitoring.Ingestion;
import org.lantian.standards.hj212.Tolerance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The HJ 212 TCP gateway: devices connect as clients (HJ212 §1). Each connection gets an idle timeout, a
 * frame decoder and a packet handler; one writer commits for all of them. Starts after the database and
 * the registry, stops before them, committing what it holds.
 */
@Component
public class GatewayServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GatewayServer.class);

    private final GatewayProperties properties;
    private final Devices devices;
    private final GatewayStats stats;
    private final PacketWriter writer;
    private final Clock clock;
    private final Map<String, AtomicInteger> connectionsPerIp = new ConcurrentHashMap<>();
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel server;
    private volatile boolean running;
    private final RefusalSampler sampler;
    private final AtomicInteger connections = new AtomicInteger();

    private final ConnectedDevices connected;
    private final PacketLogProperties logProperties;
    private final CommandPush commandPush;
    private volatile PacketLog packetLog;
    private PacketLogWriter logWriter;

    GatewayServer(GatewayProperties properties, Devices devices, GatewayStats stats, JdbcTemplate jdbc,
                  PlatformTransactionManager transactions, Ingestion ingestion, Actors actors, ApplicationEventPublisher events,
                  DeviceCommands commands, SplitSets splitSets, Clock clock, RefusalSampler sampler, ConnectedDevices connected,
                  PacketLogProperties logProperties, CommandPush commandPush) {
        this.logProperties = logProperties;
        this.commandPush = commandPush;
        this.connected = connected;
        this.sampler = sampler;
        this.properties = properties;
        this.devices = devices;
        this.stats = stats;
        this.clock = clock;
        this.writer = new PacketWriter(properties.maxBatch(), properties.shedAfter(), jdbc, new TransactionTemplate(transactions), ingestion,
                actors, events, commands, splitSets, clock);
    }

    /**
     * An accepted packet: committed by this node's writer and then acknowledged, or, with a packet log,
     * appended to it and acknowledged once the brokers have it (a writer on some node stores it).
     */
    private void accepted(PacketWriter.Incoming incoming, byte[] bytes) {
        PacketLog packets = packetLog;
        if (packets == null) {
            writer.submit(incoming);
            return;
        }
        packets.append(incoming.packet().mn(), bytes, incoming.receivedAt(), incoming.remote(), () -> {
            if (!incoming.replies().isEmpty()) {
                incoming.reply().accept(incoming.replies());
            }
            if (incoming.firstOnConnection()) {
                commandPush.push(incoming.packet().mn());
            }
        });
    }

    /** Whether a packet names a device registered as sending no CR LF. */
    private boolean sendsNoTail(byte[] packet) {
        String mn = PacketHandler.mnOf(packet);
        return mn != null && devices.forPacket(mn).map(r -> r.device().tolerances().contains(Tolerance.MISSING_TAIL)).orElse(false);
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        devices.loadAll();
        writer.start(properties.writers());
        if (logProperties.enabled()) {
            org.lantian.platform.cluster.KafkaTopics.ensure(logProperties.bootstrapServers(), logProperties.topic(),
                    logProperties.partitions(), logProperties.replicas());
            packetLog = new PacketLog(logProperties);
            logWriter = new PacketLogWriter(logProperties, writer, devices, properties.maxBatch());
            logWriter.start();
            log.info("HJ 212 packets go through the packet log {} on {}", logProperties.topic(), logProperties.bootstrapServers());
        }
        // epoll where Linux has it (the native library ships for x86-64); Java's selector anywhere else
        boolean epoll = io.netty.channel.epoll.Epoll.isAvailable();
        io.netty.channel.IoHandlerFactory transport = epoll ? io.netty.channel.epoll.EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        boss = new MultiThreadIoEventLoopGroup(1, transport);
        workers = new MultiThreadIoEventLoopGroup(transport);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(epoll ? io.netty.channel.epoll.EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        String ip = ch.remoteAddress().getAddress().getHostAddress();
                        // a total cap as well as one per address: many addresses must not exhaust the gateway either
                        if (connections.incrementAndGet() > properties.maxConnections()) {
                            connections.decrementAndGet();
                            log.warn("gateway: {} connections open, refused one from {}", properties.maxConnections(), ip);
                            ch.close();
                            return;
                        }
                        AtomicInteger count = connectionsPerIp.computeIfAbsent(ip, k -> new AtomicInteger());
                        if (count.incrementAndGet() > properties.maxConnectionsPerIp()) {
                            count.decrementAndGet();
                            connections.decrementAndGet();
                            log.warn("gateway: {} has {} connections already, refused another", ip, properties.maxConnectionsPerIp());
                            ch.close();
                            return;
                        }
                        ch.closeFuture().addListener(f -> {
                            count.decrementAndGet();
                            connections.decrementAndGet();
                        });
                        ch.pipeline().addLast(
                                new IdleStateHandler(properties.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS),
                                new FrameDecoder(properties.maxBuffer(), properties.tailWait().toMillis(), properties.frameDeadline().toMillis(),
                                        GatewayServer.this::sendsNoTail),
                                new PacketHandler(devices, writer, GatewayServer.this::accepted, clock, properties.maxPacketsPerSecond(),
                                        stats, sampler, properties.backlog(), connected));
                    }
                });
        server = bootstrap.bind(properties.port()).syncUninterruptibly().channel();
        running = true;
        log.info("HJ 212 gateway listening on port {} ({})", port(), epoll ? "epoll" : "NIO");
    }

    /** Stores a refusal the gateway's housekeeping writes (the per-minute summaries). */
    void record(PacketWriter.Refused refused) {
        if (running) {
            writer.submit(refused);
        }
    }

    /** The port the gateway listens on (the real one when configured as 0). */
    public int port() {
        return server == null ? -1 : ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void stop() {
        running = false;
        if (server != null) {
            server.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
            var bossDone = boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            var workersDone = workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            // bounded: an event loop that does not end must not keep the platform (and its database) from stopping
            if (!bossDone.awaitUninterruptibly(5, TimeUnit.SECONDS) || !workersDone.awaitUninterruptibly(5, TimeUnit.SECONDS)) {
                log.warn("gateway event loops did not stop within 5 s; going on");
            }
            try {
                if (packetLog != null) {
                    packetLog.close();
                    logWriter.stop();
                }
                writer.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000; // after the web server is up, down before the database goes
    }
}
