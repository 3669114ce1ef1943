package org.lantian.standards.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The flyweight reads what the decoder reads: every packet it takes, the decoder accepts without a tolerance,
 * with the same header fields, DataTime, factor values and parameters; on any bytes it never throws; and what it
 * leaves to the decoder includes every packet that needs a tolerance.
 */
class Hj212ViewTest {

    private final Hj212View view = new Hj212View();
    private final Hj212PropertiesTest packets = new Hj212PropertiesTest();

    @Provide
    Arbitrary<byte[]> encoded() {
        return packets.packets();
    }

    @Provide
    Arbitrary<byte[]> dataPackets() {
        Arbitrary<String> items = Arbitraries.of("a34004-Avg=45", "a34004-Flag=N", "a21026-Rtd=-0.125", "a21026-ZsAvg=18.44",
                "a00000-Cou=433800", "a01012-Avg=48.3,a01012-Flag=N", "LA-Avg=61.3", "a24088-EFlag=B01", "RtdInterval=60",
                "a21005-Avg=0.812", "a19001-SampleTime=20230801090000", "PolId=a21026", "a34002-Avg=", "a34002-Avg=1e3",
                "a34013-Avg=.5", "a34013-Max=12.", "x=1", ";", ",", "-a=1", "a21026-Avg=1;a21026-Avg=2");
        return net.jqwik.api.Combinators.combine(
                        Arbitraries.of("QN=20230801100000123;", "", "QN=2023080110000012;", "QN=20231301100000123;"),
                        Arbitraries.of("ST=31;", "ST=;", ""), Arbitraries.of("CN=2061;", "CN=206;", "CN=20a1;"),
                        Arbitraries.of("PW=123456;", ""), Arbitraries.of("MN=HD001;", "MN=;", ""),
                        Arbitraries.of("Flag=5;", "Flag=4;", "Flag=300;", "", "PNUM=2;PNO=1;Flag=5;", "PNUM=2;PNO=3;"),
                        Arbitraries.of("DataTime=20230801090000;", "DataTime=20230801250000;", ""), items.list().ofMaxSize(12))
                .as((qn, st, cn, pw, mn, flag, time, list) -> qn + st + cn + pw + mn + flag + "CP=&&" + time + String.join(";", list) + "&&")
                .map(Hj212Encoder::frame);
    }

    @Property(tries = 1000)
    void whatTheEncoderWritesTheViewReadsAsTheDecoderDoes(@ForAll("encoded") byte[] packet) {
        assertThat(agreesWithTheDecoder(packet)).as("an encoder's packet keeps the standard: the view takes it").isTrue();
    }

    @Property(tries = 3000)
    void dataPacketsGoodAndBadAgree(@ForAll("dataPackets") byte[] packet) {
        agreesWithTheDecoder(packet);
    }

    @Property(tries = 3000)
    void corruptedPacketsNeverThrowAndAgree(@ForAll("encoded") byte[] packet, @ForAll int position, @ForAll byte value) {
        byte[] corrupted = packet.clone();
        corrupted[Math.floorMod(position, corrupted.length)] = value;
        agreesWithTheDecoder(corrupted);
    }

    @Property(tries = 2000)
    void arbitraryBytesNeverThrow(@ForAll byte[] bytes) {
        int at = 0;
        while (at < bytes.length) {
            Hj212Framer.Scan scan = Hj212Framer.scan(bytes, at, bytes.length, true);
            if (scan instanceof Hj212Framer.Frame frame) {
                view.read(bytes, frame);
                at += frame.length();
            } else {
                at += ((Hj212Framer.Junk) scan).length();
            }
        }
    }

    @Test
    void packetsThatKeepTheStandardAreTakenWithTheDecodersValues() {
        for (String cp : new String[] {"DataTime=20230801090000;a21026-Avg=1,a21026-Flag=N;a00000-Cou=433800",
                "DataTime=20230801090000;a34002-Avg=;a34013-Avg=.5;a34013-Max=12.;a24088-EFlag=B01;RtdInterval=60",
                "a21026-Avg=1;a21026-Avg=2;;a19001-SampleTime=20230801090000,a21026-Rtd=-0.125", ""}) {
            for (String header : new String[] {"QN=20230801100000123;ST=31;CN=2061;PW=123456;MN=HD001;Flag=5;",
                    "ST=39;CN=2051;PW=123456;MN=88888880000001;", "QN=20230801100000123;ST=31;CN=2061;PW=1;MN=HD001;PNUM=2;PNO=2;Flag=5;"}) {
                assertThat(agreesWithTheDecoder(Hj212Encoder.frame(header + "CP=&&" + cp + "&&"))).as(header + cp).isTrue();
            }
        }
    }

    @Test
    void packetsNeedingAToleranceAreLeftToTheDecoder() {
        String text = "QN=20230801100000123;ST=31;CN=2061;PW=123456;MN=HD001;Flag=5;CP=&&DataTime=20230801090000;a21026-Avg=1&&";
        byte[] good = Hj212Encoder.frame(text);
        assertThat(read(good)).isTrue();
        assertThat(read(java.util.Arrays.copyOf(good, good.length - 2))).as("no CR LF").isFalse();
        byte[] wrongLength = good.clone();
        wrongLength[5] = (byte) (wrongLength[5] == '9' ? '8' : wrongLength[5] + 1);
        assertThat(read(wrongLength)).as("declared length").isFalse();
        assertThat(read(Hj212Encoder.frame(text.replace("20230801090000", "2023080109")))).as("a short DataTime").isFalse();
        assertThat(read(Hj212Encoder.frame(text.replace("MN=HD001", "MN=邯郸001")))).as("not ASCII").isFalse();
        assertThat(read(Hj212Encoder.frame(text.replace("a21026-Avg=1", "a21026-Info=//a;b//")))).as("opaque text").isFalse();
    }

    private boolean read(byte[] packet) {
        Hj212Framer.Scan scan = Hj212Framer.scan(packet, 0, packet.length, true);
        return scan instanceof Hj212Framer.Frame frame && view.read(packet, frame);
    }

    /** Whether the view took the packet; if it did, the decoder accepts it without a tolerance and reads the same. */
    private boolean agreesWithTheDecoder(byte[] packet) {
        Hj212Framer.Scan scan = Hj212Framer.scan(packet, 0, packet.length, true);
        if (!(scan instanceof Hj212Framer.Frame frame) || !view.read(packet, frame)) {
            return false;
        }
        Hj212Decoder.Result decoded = Hj212Decoder.decode(packet, frame, Set.of());
        assertThat(decoded).as("the decoder accepts without a tolerance what the view takes").isInstanceOf(Hj212Decoder.Accepted.class);
        Hj212Packet p = ((Hj212Decoder.Accepted) decoded).packet();
        assertThat(p.tolerated()).isEmpty();
        assertThat(view.mn()).isEqualTo(p.mn());
        assertThat(view.cn()).isEqualTo(p.cn());
        assertThat(view.st()).isEqualTo(p.st());
        assertThat(view.qn()).isEqualTo(p.qn());
        assertThat(view.pw()).isEqualTo(p.pw());
        assertThat(view.flag()).isEqualTo(p.flag());
        assertThat(view.dataTime()).isEqualTo(p.data().dataTime());
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        Map<String, String> flags = new LinkedHashMap<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < view.items(); i++) {
            if (!view.isFactor(i)) {
                parameters.put(view.code(i), view.valueText(i));
            } else if (view.suffix(i).equals("Flag")) {
                flags.put(view.code(i), view.valueText(i));
            } else if (view.value(i) != null && !Set.of("EFlag", "SampleTime", "Info", "SN").contains(view.suffix(i))) {
                values.put(view.code(i) + "-" + view.suffix(i), view.value(i));
            }
        }
        Map<String, BigDecimal> decodedValues = new LinkedHashMap<>();
        Map<String, String> decodedFlags = new LinkedHashMap<>();
        p.data().factors().forEach((code, f) -> {
            f.values().forEach((suffix, v) -> decodedValues.put(code + "-" + suffix, v));
            if (f.flag() != null) {
                decodedFlags.put(code, f.flag());
            }
        });
        assertThat(values).isEqualTo(decodedValues);
        assertThat(flags).isEqualTo(decodedFlags);
        assertThat(parameters).isEqualTo(p.data().parameters());
        assertThat(p.data().unparsed()).isEmpty();
        return true;
    }
}
