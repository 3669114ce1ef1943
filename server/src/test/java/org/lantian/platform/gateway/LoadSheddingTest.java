package org.lantian.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lantian.standards.hj212.Hj212Decoder;
import org.lantian.standards.hj212.Hj212Encoder;
import org.lantian.standards.hj212.Hj212Framer;
import org.lantian.standards.hj212.Hj212Packet;

/** Only what the logger will send again may be dropped when the writer is behind. */
class LoadSheddingTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final Instant STALE_BEFORE = NOW.minus(Duration.ofSeconds(4));

    static Hj212Packet packet(int flag, String cn) {
        byte[] frame = Hj212Encoder.frame("QN=20261128200000001;ST=31;CN=" + cn + ";PW=1;MN=SHED01;Flag=" + flag + ";CP=&&a21026-Rtd=30&&");
        Hj212Framer.Frame f = (Hj212Framer.Frame) Hj212Framer.scan(frame, 0, frame.length, true);
        return ((Hj212Decoder.Accepted) Hj212Decoder.decode(frame, f, Set.of())).packet();
    }

    static PacketWriter.Incoming received(Hj212Packet packet, Instant at) {
        return new PacketWriter.Incoming(packet, null, "test", at, replies -> { }, List.of(), false);
    }

    @Test
    void aPacketThatAskedForAnAcknowledgementAndWaitedTooLongIsDropped() {
        assertThat(PacketWriter.isStale(received(packet(5, "2011"), NOW.minusSeconds(5)), STALE_BEFORE)).isTrue();
    }

    @Test
    void aFreshPacketIsStored() {
        assertThat(PacketWriter.isStale(received(packet(5, "2011"), NOW.minusSeconds(3)), STALE_BEFORE)).isFalse();
    }

    @Test
    void aPacketNobodyWillSendAgainIsStoredWhateverItsAge() {
        assertThat(PacketWriter.isStale(received(packet(4, "2011"), NOW.minusSeconds(60)), STALE_BEFORE)).isFalse();
        assertThat(PacketWriter.isStale(received(packet(5, "9012"), NOW.minusSeconds(60)), STALE_BEFORE)).isFalse();
    }
}
