package org.lantian.platform.gateway;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import org.lantian.standards.hj212.Hj212Framer;
import org.lantian.standards.hj212.RejectReason;

/**
 * Finds packet boundaries in a connection's bytes, whatever TCP does to them (HJ212 §5); nothing else.
 * Emits {@link Received} frames and {@link Junk} for bytes that are no packet. A packet complete but for
 * its tail is held for {@code tailWait}, then passed on as it is; one from a device registered as sending
 * no tail is passed on at once (waiting made every such packet's acknowledgement 200 ms late).
 */
final class FrameDecoder extends ByteToMessageDecoder {

    /** One framed packet: its bytes, and the frame found in them (offsets into {@code bytes}). */
    record Received(byte[] bytes, Hj212Framer.Frame frame) {
    }

    /** Bytes that were no packet, with why (at most the first 256 are kept). */
    record Junk(byte[] bytes, RejectReason reason) {
    }

    private final int maxBuffer;
    private final long tailWaitMillis;
    private final long frameDeadlineMillis;
    private final java.util.function.Predicate<byte[]> sendsNoTail;
    /** A packet was passed on without waiting for a tail: a CR LF that follows anyway belongs to it. */
    private boolean tailMayFollow;
    private ScheduledFuture<?> pendingFlush;
    /** When the first byte after the last complete packet came (0: none pending). */
    private long bytesSinceFrameFrom;

    /** @param sendsNoTail whether a packet's bytes come from a device registered as sending no CR LF */
    FrameDecoder(int maxBuffer, long tailWaitMillis, long frameDeadlineMillis, java.util.function.Predicate<byte[]> sendsNoTail) {
        this.sendsNoTail = sendsNoTail;
        this.maxBuffer = maxBuffer;
        this.tailWaitMillis = tailWaitMillis;
        this.frameDeadlineMillis = frameDeadlineMillis;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (pendingFlush != null) {
            pendingFlush.cancel(false);
            pendingFlush = null;
        }
        if (in.readableBytes() > maxBuffer) {
            out.add(new Junk(copy(in, Math.min(256, in.readableBytes())), RejectReason.NO_END));
            in.skipBytes(in.readableBytes());
            ctx.close();
            return;
        }
        long now = System.nanoTime();
        if (bytesSinceFrameFrom == 0) {
            bytesSinceFrameFrom = now;
        }
        skipLateTail(in);
        int before = out.size();
        scan(in, out, false);
        takeTaillessFrame(in, out);
        if (out.subList(before, out.size()).stream().anyMatch(Received.class::isInstance)) {
            bytesSinceFrameFrom = in.isReadable() ? now : 0;
        } else if (now - bytesSinceFrameFrom > frameDeadlineMillis * 1_000_000) {
            // bytes keep coming and no packet completes: a trickle or a stream of junk, which the idle timeout never ends
            out.add(new Junk(copy(in, Math.min(256, in.readableBytes())), RejectReason.NO_END));
            in.skipBytes(in.readableBytes());
            ctx.close();
            return;
        }
        if (in.isReadable()) {
            pendingFlush = ctx.executor().schedule(() -> flush(ctx), tailWaitMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void skipLateTail(ByteBuf in) {
        while (tailMayFollow && in.isReadable() && (in.getByte(in.readerIndex()) == '\r' || in.getByte(in.readerIndex()) == '\n')) {
            in.skipBytes(1);
        }
        tailMayFollow = tailMayFollow && !in.isReadable();
    }

    /** What is left is one whole packet but for its tail, from a device that sends none: it goes now. */
    private void takeTaillessFrame(ByteBuf in, List<Object> out) {
        if (!in.isReadable()) {
            return;
        }
        byte[] bytes = copy(in, in.readableBytes());
        if (Hj212Framer.scan(bytes, 0, bytes.length, true) instanceof Hj212Framer.Frame f && f.length() == bytes.length
                && f.tail() == Hj212Framer.Tail.NONE && sendsNoTail.test(bytes)) {
            out.add(new Received(bytes, f));
            in.skipBytes(bytes.length);
            tailMayFollow = true;
        }
    }

    private void flush(ChannelHandlerContext ctx) {
        pendingFlush = null;
        ByteBuf held = internalBuffer();
        if (!held.isReadable() || !ctx.channel().isActive()) {
            return;
        }
        List<Object> out = new java.util.ArrayList<>();
        scan(held, out, true);
        held.discardReadBytes();
        out.forEach(ctx::fireChannelRead);
        ctx.fireChannelReadComplete();
    }

    private static void scan(ByteBuf in, List<Object> out, boolean flush) {
        byte[] bytes = copy(in, in.readableBytes());
        int at = 0;
        while (at < bytes.length) {
            Hj212Framer.Scan scan = Hj212Framer.scan(bytes, at, bytes.length, flush);
            if (scan instanceof Hj212Framer.Frame f) {
                byte[] packet = Arrays.copyOfRange(bytes, at, at + f.length());
                out.add(new Received(packet, new Hj212Framer.Frame(f.length(), f.segmentOffset() - at, f.segmentLength(),
                        f.declaredLength(), f.crcField(), f.tail(), f.lengthRecovered())));
                at += f.length();
            } else if (scan instanceof Hj212Framer.Junk j) {
                out.add(new Junk(Arrays.copyOfRange(bytes, at, at + Math.min(256, j.length())), j.reason()));
                at += j.length();
            } else {
                break;
            }
        }
        in.skipBytes(at);
    }

    private static byte[] copy(ByteBuf in, int length) {
        byte[] bytes = new byte[length];
        in.getBytes(in.readerIndex(), bytes);
        return bytes;
    }
}
