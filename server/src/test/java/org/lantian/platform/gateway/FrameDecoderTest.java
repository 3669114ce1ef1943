package org.lantian.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.lantian.standards.hj212.Hj212Encoder;
import org.lantian.standards.hj212.Hj212Framer;

/** A packet without its tail waits for one only when its device is not registered as sending none. */
class FrameDecoderTest {

    static final long TAIL_WAIT_MILLIS = 200;

    static byte[] tailless(String mn) {
        byte[] frame = Hj212Encoder.frame("QN=20261202120000001;ST=39;CN=2011;PW=123456;MN=" + mn + ";Flag=5;CP=&&DataTime=20261202120000;a34004-Rtd=45&&");
        return Arrays.copyOf(frame, frame.length - 2);
    }

    static EmbeddedChannel channel() {
        return new EmbeddedChannel(new FrameDecoder(4096, TAIL_WAIT_MILLIS, 60_000, bytes -> "DUST01".equals(PacketHandler.mnOf(bytes))));
    }

    @Test
    void aPacketFromADeviceThatSendsNoTailIsPassedOnAtOnce() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(Unpooled.wrappedBuffer(tailless("DUST01")));

        FrameDecoder.Received received = channel.readInbound();
        assertThat(received).isNotNull();
        assertThat(received.frame().tail()).isEqualTo(Hj212Framer.Tail.NONE);
        assertThat(received.bytes()).isEqualTo(tailless("DUST01"));
    }

    @Test
    void aCrLfThatFollowsAnywayIsNotJunk() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(Unpooled.wrappedBuffer(tailless("DUST01")));
        channel.writeInbound(Unpooled.wrappedBuffer("\r\n".getBytes()), Unpooled.wrappedBuffer(tailless("DUST01")));

        assertThat((Object) channel.readInbound()).isInstanceOf(FrameDecoder.Received.class);
        assertThat((Object) channel.readInbound()).isInstanceOf(FrameDecoder.Received.class);
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void anyOtherDevicesPacketWaitsForItsTailThenGoesAsItIs() throws InterruptedException {
        EmbeddedChannel channel = channel();
        channel.writeInbound(Unpooled.wrappedBuffer(tailless("STACK01")));
        assertThat((Object) channel.readInbound()).isNull();

        TimeUnit.MILLISECONDS.sleep(TAIL_WAIT_MILLIS + 50); // EmbeddedChannel runs a scheduled task only once it is due
        channel.runScheduledPendingTasks();
        FrameDecoder.Received received = channel.readInbound();
        assertThat(received.frame().tail()).isEqualTo(Hj212Framer.Tail.NONE);
    }

    @Test
    void anyOtherDevicesPacketIsPassedOnWithItsTailWhenItComes() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(Unpooled.wrappedBuffer(tailless("STACK01")));
        channel.writeInbound(Unpooled.wrappedBuffer("\r\n".getBytes()));

        FrameDecoder.Received received = channel.readInbound();
        assertThat(received.frame().tail()).isEqualTo(Hj212Framer.Tail.CRLF);
    }
}
