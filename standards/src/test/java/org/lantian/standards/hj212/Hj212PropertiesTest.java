package org.lantian.standards.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The decoder never throws or hangs on arbitrary bytes, and reads back what the encoder wrote. */
class Hj212PropertiesTest {

    @Property(tries = 2000)
    void arbitraryBytesNeverThrowAndAlwaysProgress(@ForAll byte[] bytes) {
        List<Object> read = Hj212CodecTest.readAll(bytes, Hj212Decoder.all());
        assertThat(read.size()).isLessThanOrEqualTo(bytes.length);
    }

    @Property(tries = 2000)
    void corruptedPacketsNeverThrow(@ForAll("packets") byte[] packet, @ForAll int position, @ForAll byte value) {
        byte[] corrupted = packet.clone();
        corrupted[Math.floorMod(position, corrupted.length)] = value;
        Hj212CodecTest.readAll(corrupted, Hj212Decoder.all());
        Hj212CodecTest.readAll(java.util.Arrays.copyOf(corrupted, Math.floorMod(position, corrupted.length)), Hj212Decoder.all());
    }

    @Property(tries = 1000)
    void decodeOfEncodeIsIdentity(@ForAll("commands") Command c) {
        byte[] bytes = Hj212Encoder.command(c.version, c.qn, c.st, c.cn, c.pw, c.mn, c.cp);
        Hj212Packet p = (Hj212Packet) Hj212CodecTest.readAll(bytes, java.util.Set.of()).get(0);
        assertThat(p.qnTime()).isEqualTo(c.qn);
        assertThat(p.st()).isEqualTo(c.st);
        assertThat(p.cn()).isEqualTo(c.cn);
        assertThat(p.pw()).isEqualTo(c.pw);
        assertThat(p.mn()).isEqualTo(c.mn);
        assertThat(p.version()).isEqualTo(c.version);
        assertThat(p.ackRequested()).isTrue();
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        p.data().factors().forEach((code, f) -> f.values().forEach((suffix, v) -> values.put(code + "-" + suffix, v)));
        Map<String, BigDecimal> expected = new LinkedHashMap<>();
        c.cp.forEach((k, v) -> expected.put(k, new BigDecimal(v)));
        assertThat(values).isEqualTo(expected);
        assertThat(p.tolerated()).isEmpty();
    }

    record Command(Hj212Packet.Version version, LocalDateTime qn, String st, String cn, String pw, String mn, Map<String, String> cp) {
    }

    @Provide
    Arbitrary<Command> commands() {
        Arbitrary<LocalDateTime> times = Arbitraries.longs().between(946_684_800_000L, 4_102_444_800_000L)
                .map(ms -> LocalDateTime.ofEpochSecond(ms / 1000, (int) (ms % 1000) * 1_000_000, java.time.ZoneOffset.UTC));
        Arbitrary<String> codes = Arbitraries.of("a34004", "a34002", "a21026", "a21002", "a19001", "a00000", "w01018");
        Arbitrary<String> suffixes = Arbitraries.of("Rtd", "Avg", "Min", "Max", "ZsAvg", "Cou");
        Arbitrary<String> numbers = Arbitraries.bigDecimals().between(new BigDecimal("-99999"), new BigDecimal("9999999"))
                .ofScale(3).map(BigDecimal::toPlainString);
        Arbitrary<Map<String, String>> cp = Arbitraries.maps(Combinators.combine(codes, suffixes).as((c, s) -> c + "-" + s), numbers)
                .ofMaxSize(20).map(LinkedHashMap::new);
        return Combinators.combine(Arbitraries.of(Hj212Packet.Version.V2017, Hj212Packet.Version.V2025), times,
                        Arbitraries.of("22", "31", "39", "27"), Arbitraries.strings().numeric().ofLength(4),
                        Arbitraries.strings().alpha().numeric().ofMinLength(0).ofMaxLength(6),
                        Arbitraries.strings().withCharRange('0', '9').withCharRange('A', 'F').ofMinLength(1).ofMaxLength(24), cp)
                .as(Command::new);
    }

    @Provide
    Arbitrary<byte[]> packets() {
        return commands().map(c -> Hj212Encoder.command(c.version, c.qn, c.st, c.cn, c.pw, c.mn, c.cp));
    }
}
