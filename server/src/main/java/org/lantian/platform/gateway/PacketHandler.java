package org.lantian.platform.gateway;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import org.lantian.standards.BeijingTime;
import org.lantian.standards.hj212.Hj212Content;
import org.lantian.standards.hj212.Hj212Decoder;
import org.lantian.standards.hj212.Hj212Encoder;
import org.lantian.standards.hj212.Hj212Packet;
import org.lantian.standards.hj212.RejectReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a connection's frames into stored packets: decodes with the device's tolerances, checks MN and PW
 * against the registry and the connection's packet rate, and hands the packet to the writer with the
 * replies to send once it is committed. Refused packets are logged with their reason and bytes, never
 * stored as data, never acknowledged.
 */
final class PacketHandler extends SimpleChannelInboundHandler<Object> {

    private static final Logger log = LoggerFactory.getLogger(PacketHandler.class);

    private final Devices devices;
    private final PacketWriter writer;
    /** Where an accepted packet goes, with the bytes it came as: the writer's queue, or the packet log. */
    private final java.util.function.BiConsumer<PacketWriter.Incoming, byte[]> accepted;
    private final Clock clock;
    private final int maxPacketsPerSecond;
    private final GatewayStats stats;
    private long windowStartMillis;
    private int packetsInWindow;

    private final RefusalSampler sampler;

    private final java.time.Duration backlog;
    private final ConnectedDevices connected;

    PacketHandler(Devices devices, PacketWriter writer, java.util.function.BiConsumer<PacketWriter.Incoming, byte[]> accepted, Clock clock,
                  int maxPacketsPerSecond, GatewayStats stats, RefusalSampler sampler, java.time.Duration backlog, ConnectedDevices connected) {
        this.accepted = accepted;
        this.connected = connected;
        this.backlog = backlog;
        this.sampler = sampler;
        this.devices = devices;
        this.writer = writer;
        this.clock = clock;
        this.maxPacketsPerSecond = maxPacketsPerSecond;
        this.stats = stats;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object message) {
        Instant now = clock.instant();
        String remote = remote(ctx.channel());
        if (message instanceof FrameDecoder.Junk junk) {
            refuse(now, remote, null, junk.reason(), junk.reason().label(), junk.bytes());
            return;
        }
        FrameDecoder.Received received = (FrameDecoder.Received) message;
        Hj212Decoder.Result result = Hj212Decoder.decode(received.bytes(), received.frame(),
                mn -> devices.forPacket(mn).map(d -> d.device().tolerances()).orElse(Set.of()));
        if (result instanceof Hj212Decoder.Rejected rejected) {
            refuse(now, remote, mnOf(received.bytes()), rejected.rejection().reason(), rejected.rejection().detail(), received.bytes());
            return;
        }
        Hj212Packet packet = ((Hj212Decoder.Accepted) result).packet();
        Optional<Devices.Registered> registered = devices.forPacket(packet.mn());
        if (registered.isEmpty() || !registered.get().device().enabled()) {
            refuse(now, remote, packet.mn(), RejectReason.UNKNOWN_DEVICE, "MN " + packet.mn() + " 未登记或已停用", received.bytes());
            return;
        }
        if (!registered.get().passwordMatches(packet.pw())) {
            refuse(now, remote, packet.mn(), RejectReason.BAD_PASSWORD, "PW 与登记不符", received.bytes());
            return;
        }
        // a CRC that matched by chance must not store corrupted content: the content is checked as strictly as the standard allows
        Optional<Hj212Decoder.Rejection> content = Hj212Content.check(packet, LocalDateTime.ofInstant(now, BeijingTime.ZONE),
                LocalDateTime.ofInstant(registered.get().registeredAt().minus(backlog), BeijingTime.ZONE));
        if (content.isPresent()) {
            refuse(now, remote, packet.mn(), content.get().reason(), content.get().detail(), received.bytes());
            return;
        }
        if (overRate(now)) {
            refuse(now, remote, packet.mn(), RejectReason.RATE_LIMITED, "超过每连接每秒 " + maxPacketsPerSecond + " 个报文", received.bytes());
            return;
        }
        devices.authenticated(packet.mn(), packet.pw());
        stats.accepted(packet.mn(), now, remote);
        Channel channel = ctx.channel();
        boolean firstOnConnection = connected.seen(packet.mn(), channel);
        accepted.accept(new PacketWriter.Incoming(packet, registered.get().device(), remote, now,
                replies -> send(channel, replies), replies(packet, registered.get().device()), firstOnConnection), received.bytes());
    }

    /** What the device gets once its packet is committed (HJ212 §4). */
    private List<byte[]> replies(Hj212Packet packet, Device device) {
        List<byte[]> replies = new ArrayList<>(2);
        if (packet.cn().equals("1013")) {
            replies.add(Hj212Encoder.notificationAnswer(packet));
            LocalDateTime now = LocalDateTime.now(clock.withZone(BeijingTime.ZONE));
            replies.add(Hj212Encoder.command(packet.version(), now, device.st(), "1012", packet.pw(), packet.mn(),
                    Map.of("SystemTime", Hj212Encoder.time(now))));
        } else if (packet.ackRequested() && !packet.cn().startsWith("90")) {
            replies.add(Hj212Encoder.dataAnswer(packet));
        }
        return replies;
    }

    private static void send(Channel channel, List<byte[]> replies) {
        if (!channel.isActive()) {
            return; // the device reconnects and sends again; storage is idempotent
        }
        replies.forEach(r -> channel.write(Unpooled.wrappedBuffer(r)));
        channel.flush();
    }

    private boolean overRate(Instant now) {
        long millis = now.toEpochMilli();
        if (millis - windowStartMillis >= 1000) {
            windowStartMillis = millis;
            packetsInWindow = 0;
        }
        return ++packetsInWindow > maxPacketsPerSecond;
    }

    private void refuse(Instant now, String remote, String mn, RejectReason reason, String detail, byte[] bytes) {
        stats.refused(mn, now);
        if (sampler.admit(remote, now)) {
            writer.submit(new PacketWriter.Refused(now, remote, mn, reason.name(), detail, bytes));
        }
    }

    /** The MN of a refused packet, if one can be seen in it, so the device's page shows its rejections. */
    static String mnOf(byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("MN=");
        if (at < 0) {
            return null;
        }
        int end = text.indexOf(';', at);
        String mn = text.substring(at + 3, end < 0 ? Math.min(text.length(), at + 35) : end);
        return mn.matches("[A-Za-z0-9_.-]{1,32}") ? mn : null;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            ctx.close();
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("gateway connection {} closed: {}", remote(ctx.channel()), cause.toString());
        ctx.close();
    }

    static String remote(Channel channel) {
        return channel.remoteAddress() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() + ":" + a.getPort() : "?";
    }
}
