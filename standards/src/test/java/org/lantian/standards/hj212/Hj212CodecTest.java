package org.lantian.standards.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Framing, decoding and replies: HJ212 §1–§4 and each row of §6. */
class Hj212CodecTest {

    static final String AMBIENT = "QN=20230801100000123;ST=22;CN=2061;PW=123456;MN=HD0001;Flag=5;CP=&&DataTime=20230801090000;"
            + "a34004-Avg=45,a34004-Flag=N;a34002-Avg=80.5,a34002-Flag=N;a21026-Avg=9;a21004-Avg=31;a21005-Avg=0.8;a05024-Avg=120,a05024-Flag=D&&";

    /** Every packet and every piece of junk in a stream, as a scanner working through it sees them. */
    static List<Object> readAll(byte[] stream, Set<Tolerance> allowed) {
        List<Object> out = new ArrayList<>();
        int at = 0;
        while (at < stream.length) {
            Hj212Framer.Scan scan = Hj212Framer.scan(stream, at, stream.length, true);
            if (scan instanceof Hj212Framer.Junk junk) {
                out.add(junk.reason());
                at += junk.length();
            } else if (scan instanceof Hj212Framer.Frame frame) {
                Hj212Decoder.Result result = Hj212Decoder.decode(stream, frame, allowed);
                out.add(result instanceof Hj212Decoder.Accepted a ? a.packet() : ((Hj212Decoder.Rejected) result).rejection());
                at += frame.length();
            } else {
                throw new AssertionError("flush never needs more");
            }
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsEveryFieldOfAnHourlyAmbientPacket() {
        Hj212Packet p = (Hj212Packet) readAll(Hj212Encoder.frame(AMBIENT), Set.of()).get(0);
        assertThat(p.version()).isEqualTo(Hj212Packet.Version.V2017);
        assertThat(p.qn()).isEqualTo("20230801100000123");
        assertThat(p.qnTime()).isEqualTo(LocalDateTime.of(2023, 8, 1, 10, 0, 0, 123_000_000));
        assertThat(p.st()).isEqualTo("22");
        assertThat(p.cn()).isEqualTo("2061");
        assertThat(p.pw()).isEqualTo("123456");
        assertThat(p.mn()).isEqualTo("HD0001");
        assertThat(p.ackRequested()).isTrue();
        assertThat(p.isPiece()).isFalse();
        assertThat(p.data().dataTime()).isEqualTo(LocalDateTime.of(2023, 8, 1, 9, 0));
        assertThat(p.data().factors()).containsOnlyKeys("a34004", "a34002", "a21026", "a21004", "a21005", "a05024");
        assertThat(p.data().factors().get("a34002").values()).containsEntry("Avg", new BigDecimal("80.5"));
        assertThat(p.data().factors().get("a05024").flag()).isEqualTo("D");
        assertThat(p.data().factors().get("a21026").flagOrNormal()).isEqualTo("N");
        assertThat(p.tolerated()).isEmpty();
        assertThat(p.text()).isEqualTo(AMBIENT);
    }

    @Test
    void framesStickyAndJunkSurroundedPacketsAndSkipsNonHj212Traffic() {
        byte[] one = Hj212Encoder.frame(AMBIENT);
        byte[] stream = concat(ascii("GET / HTTP/1.1\r\n\r\n"), one, one, ascii("#"), one, new byte[] {0x16, 0x03, 0x01});
        List<Object> read = readAll(stream, Set.of());
        assertThat(read).filteredOn(o -> o instanceof Hj212Packet).hasSize(3);
        assertThat(read.get(0)).isEqualTo(RejectReason.JUNK);
        assertThat(read).contains(RejectReason.BAD_LENGTH_FIELD); // "###0…" loses one '#'
    }

    @Test
    void waitsForTheRestOfASplitWriteWhateverTheCut() {
        byte[] packet = Hj212Encoder.frame(AMBIENT);
        for (int cut = 1; cut < packet.length; cut++) {
            assertThat(Hj212Framer.scan(packet, 0, cut, false)).as("cut at %d", cut).isInstanceOf(Hj212Framer.NeedMore.class);
        }
        assertThat(Hj212Framer.scan(packet, 0, packet.length, false)).isInstanceOf(Hj212Framer.Frame.class);
    }

    @Test
    void aBadCrcIsRejectedWithTheOffendingBytes() {
        byte[] packet = Hj212Encoder.frame(AMBIENT);
        packet[packet.length - 3] = packet[packet.length - 3] == '0' ? (byte) '1' : (byte) '0';
        Hj212Decoder.Rejection r = (Hj212Decoder.Rejection) readAll(packet, Hj212Decoder.all()).get(0);
        assertThat(r.reason()).isEqualTo(RejectReason.BAD_CRC);
        assertThat(r.bytes()).isEqualTo(packet);
    }

    @Test
    void lowerCaseCrcIsStandard() {
        String crc = Hj212Crc.hex(Hj212Crc.of(ascii(AMBIENT))).toLowerCase();
        byte[] packet = ascii("##" + String.format("%04d", AMBIENT.length()) + AMBIENT + crc + "\r\n");
        assertThat(readAll(packet, Set.of()).get(0)).isInstanceOf(Hj212Packet.class);
    }

    @Test
    void modbusCrcVariantsNeedTheirTolerance() {
        byte[] body = ascii(AMBIENT);
        int modbus = Hj212Crc.modbus(body, 0, body.length);
        byte[] lowFirst = ascii("##" + String.format("%04d", body.length) + AMBIENT + Hj212Crc.hex(Hj212Crc.swapped(modbus)) + "\r\n");
        byte[] highFirst = ascii("##" + String.format("%04d", body.length) + AMBIENT + Hj212Crc.hex(modbus) + "\r\n");
        assertThat(((Hj212Decoder.Rejection) readAll(lowFirst, Set.of()).get(0)).reason()).isEqualTo(RejectReason.BAD_CRC);
        assertThat(((Hj212Packet) readAll(lowFirst, Set.of(Tolerance.CRC_MODBUS_LOW_FIRST)).get(0)).tolerated())
                .containsExactly(Tolerance.CRC_MODBUS_LOW_FIRST);
        assertThat(((Hj212Packet) readAll(highFirst, Set.of(Tolerance.CRC_MODBUS_HIGH_FIRST)).get(0)).tolerated())
                .containsExactly(Tolerance.CRC_MODBUS_HIGH_FIRST);
    }

    @Test
    void aWrongLengthIsFoundByTheDataAreaAndNeedsItsTolerance() {
        byte[] right = Hj212Encoder.frame(AMBIENT);
        for (String wrong : List.of("0215", "0100", "0271")) {
            byte[] packet = right.clone();
            System.arraycopy(ascii(wrong), 0, packet, 2, 4);
            byte[] stream = concat(packet, right);
            List<Object> strict = readAll(stream, Set.of());
            assertThat(((Hj212Decoder.Rejection) strict.get(0)).reason()).as(wrong).isEqualTo(RejectReason.LENGTH_MISMATCH);
            assertThat(strict.get(1)).as("the next packet is intact after " + wrong).isInstanceOf(Hj212Packet.class);
            Hj212Packet lenient = (Hj212Packet) readAll(stream, Set.of(Tolerance.WRONG_LENGTH)).get(0);
            assertThat(lenient.tolerated()).containsExactly(Tolerance.WRONG_LENGTH);
        }
    }

    @Test
    void aMissingTailNeedsItsTolerance() {
        byte[] full = Hj212Encoder.frame(AMBIENT);
        byte[] lfOnly = concat(java.util.Arrays.copyOf(full, full.length - 2), ascii("\n"));
        byte[] none = java.util.Arrays.copyOf(full, full.length - 2);
        assertThat(((Hj212Decoder.Rejection) readAll(lfOnly, Set.of()).get(0)).reason()).isEqualTo(RejectReason.MISSING_TAIL);
        assertThat(readAll(lfOnly, Set.of(Tolerance.MISSING_TAIL)).get(0)).isInstanceOf(Hj212Packet.class);
        assertThat(readAll(concat(none, full), Set.of(Tolerance.MISSING_TAIL))).hasSize(2).allMatch(o -> o instanceof Hj212Packet);
        assertThat(Hj212Framer.scan(none, 0, none.length, false)).as("the tail may still come").isInstanceOf(Hj212Framer.NeedMore.class);
    }

    @Test
    void oversizedSegmentsNeedTheirTolerance() {
        StringBuilder cp = new StringBuilder("QN=20230801100000123;ST=31;CN=3020;PW=123456;MN=HD0001;Flag=4;CP=&&DataTime=20230801090000;i11001-Info=//");
        while (cp.length() < 1100) {
            cp.append("log line;with,separators ");
        }
        String segment = cp.append("//&&").toString();
        Hj212Packet p = (Hj212Packet) readAll(Hj212Encoder.frame(segment), Set.of(Tolerance.OVERSIZE)).get(0);
        assertThat(p.data().factors().get("i11001").texts().get("Info")).startsWith("//log line;with,separators").endsWith("//");
        assertThat(((Hj212Decoder.Rejection) readAll(Hj212Encoder.frame(segment), Set.of()).get(0)).reason()).isEqualTo(RejectReason.TOO_LONG);
    }

    @Test
    void oddQnAndDataTimeDigitsNeedTheirTolerance() {
        String odd = "QN=202308011000001234;ST=22;CN=2011;PW=1;MN=HD0001;Flag=4;CP=&&DataTime=2023080110000012;a34004-Rtd=40&&";
        assertThat(((Hj212Decoder.Rejection) readAll(Hj212Encoder.frame(odd), Set.of()).get(0)).reason()).isEqualTo(RejectReason.BAD_QN);
        Hj212Packet p = (Hj212Packet) readAll(Hj212Encoder.frame(odd), Set.of(Tolerance.LOOSE_TIMES)).get(0);
        assertThat(p.data().dataTime()).isEqualTo(LocalDateTime.of(2023, 8, 1, 10, 0));
        String invalid = "QN=20231301100000123;ST=22;CN=2011;PW=1;MN=HD0001;Flag=4;CP=&&a34004-Rtd=40&&";
        assertThat(((Hj212Decoder.Rejection) readAll(Hj212Encoder.frame(invalid), Hj212Decoder.all()).get(0)).reason())
                .isEqualTo(RejectReason.BAD_QN);
    }

    @Test
    void gbkTextNeedsItsToleranceAndUtf8IsStandard() {
        String segment = "QN=20230801100000123;ST=31;CN=3020;PW=1;MN=HD0001;Flag=4;CP=&&i11001-Info=//设备重启//&&";
        byte[] gbkBody = segment.getBytes(Charset.forName("GBK"));
        byte[] gbk = concat(ascii("##" + String.format("%04d", gbkBody.length)), gbkBody,
                ascii(Hj212Crc.hex(Hj212Crc.of(gbkBody)) + "\r\n"));
        assertThat(((Hj212Decoder.Rejection) readAll(gbk, Set.of()).get(0)).reason()).isEqualTo(RejectReason.BAD_ENCODING);
        assertThat(((Hj212Packet) readAll(gbk, Set.of(Tolerance.GBK)).get(0)).data().factors().get("i11001").texts().get("Info"))
                .isEqualTo("//设备重启//");
        assertThat(((Hj212Packet) readAll(Hj212Encoder.frame(segment), Set.of()).get(0)).tolerated()).isEmpty();
    }

    @Test
    void a2005UploadWithoutQnOrFlagIsReadAndOrderOfHeaderFieldsDoesNotMatter() {
        String segment = "ST=22;CN=2011;MN=LB4200001;PW=123456;CP=&&DataTime=20210107140000;a34004-Rtd=35,a34004-Flag=N;&&";
        Hj212Packet p = (Hj212Packet) readAll(Hj212Encoder.frame(segment), Set.of()).get(0);
        assertThat(p.version()).isEqualTo(Hj212Packet.Version.V2005);
        assertThat(p.qn()).isNull();
        assertThat(p.ackRequested()).isFalse();
        assertThat(p.mn()).isEqualTo("LB4200001");
    }

    @Test
    void unknownItemsAreKeptAndNeverFailThePacket() {
        String segment = "QN=20230801100000123;ST=80;CN=2011;PW=1;MN=x-1;Flag=7;XX=1;CP=&& a34004-Rtd = -1.25 ;LA-Rtd-Rtd=50;"
                + "FANSTATUS=1;a01001-Rtd=abc;Flag=N;junk&&";
        Hj212Packet p = (Hj212Packet) readAll(Hj212Encoder.frame(segment), Set.of()).get(0);
        assertThat(p.isPiece()).as("Flag 7 without PNUM/PNO is unsplit").isFalse();
        assertThat(p.otherHeaders()).containsEntry("XX", "1");
        assertThat(p.data().factors().get("a34004").values()).containsEntry("Rtd", new BigDecimal("-1.25"));
        assertThat(p.data().factors().get("LA").values()).containsEntry("Rtd-Rtd", new BigDecimal("50"));
        assertThat(p.data().factors().get("a01001").texts()).containsEntry("Rtd", "abc");
        assertThat(p.data().parameters()).containsEntry("FANSTATUS", "1").containsEntry("Flag", "N");
        assertThat(p.data().unparsed()).containsExactly("junk");
    }

    @Test
    void anEmptyMnIsRefused() {
        String segment = "QN=20230801100000123;ST=22;CN=2011;PW=1;MN=;Flag=4;CP=&&a34004-Rtd=40&&";
        assertThat(((Hj212Decoder.Rejection) readAll(Hj212Encoder.frame(segment), Hj212Decoder.all()).get(0)).reason())
                .isEqualTo(RejectReason.MISSING_MN);
    }

    @Test
    void splitPiecesCarryTheirNumbers() {
        String piece = "QN=20160801085857534;ST=32;CN=2011;PW=100000;MN=010000A8900016F000169DC0;Flag=7;PNUM=2;PNO=1;"
                + "CP=&&DataTime=20160801085857;w01018-Rtd=80&&";
        Hj212Packet p = (Hj212Packet) readAll(Hj212Encoder.frame(piece), Set.of()).get(0);
        assertThat(p.isPiece()).isTrue();
        assertThat(p.pnum()).isEqualTo(2);
        assertThat(p.pno()).isEqualTo(1);
    }

    @Test
    void repliesTakeTheFormOfTheDevicesGeneration() {
        String upload2017 = "QN=20201015123632010;ST=22;CN=2011;PW=123456;MN=410183160889201000212505;Flag=5;CP=&&a34004-Rtd=1&&";
        Hj212Packet p = (Hj212Packet) readAll(Hj212Encoder.frame(upload2017), Set.of()).get(0);
        assertThat(new String(Hj212Encoder.dataAnswer(p), StandardCharsets.US_ASCII))
                .isEqualTo("##0087QN=20201015123632010;ST=91;CN=9014;PW=123456;MN=410183160889201000212505;Flag=4;CP=&&&&F001\r\n");

        String upload2005 = "QN=20040516010101001;ST=32;CN=2051;PW=123456;MN=88888880000001;Flag=1;CP=&&DataTime=20040516010000;011-Avg=20&&";
        Hj212Packet old = (Hj212Packet) readAll(Hj212Encoder.frame(upload2005), Set.of()).get(0);
        String reply = new String(Hj212Encoder.dataAnswer(old), StandardCharsets.US_ASCII);
        assertThat(reply).startsWith("##0049ST=91;CN=9014;CP=&&QN=20040516010101001;CN=2051&&").endsWith("\r\n");

        String timeRequest = "QN=20230801100000123;ST=22;CN=1013;PW=123456;MN=HD0001;Flag=9;CP=&&&&";
        Hj212Packet request = (Hj212Packet) readAll(Hj212Encoder.frame(timeRequest), Set.of()).get(0);
        assertThat(new String(Hj212Encoder.notificationAnswer(request), StandardCharsets.US_ASCII))
                .contains("QN=20230801100000123;ST=91;CN=9013;PW=123456;MN=HD0001;Flag=8;CP=&&&&");
    }

    @Test
    void commandsReproduceTheStandardsExample() {
        byte[] command = Hj212Encoder.command(Hj212Packet.Version.V2017, LocalDateTime.of(2016, 8, 1, 8, 58, 57, 223_000_000), "32",
                "1062", "100000", "010000A8900016F000169DC0", Map.of("RtdInterval", "30"));
        assertThat(new String(command, StandardCharsets.US_ASCII)).isEqualTo(
                "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n");
    }

    @Test
    void allTolerancesAreNamedInChinese() {
        assertThat(EnumSet.allOf(Tolerance.class)).allMatch(t -> !t.label().isBlank());
        assertThat(EnumSet.allOf(RejectReason.class)).allMatch(r -> !r.label().isBlank());
    }
}
