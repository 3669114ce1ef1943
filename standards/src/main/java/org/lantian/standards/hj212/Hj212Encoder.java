package org.lantian.standards.hj212;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Writes packets: the platform's replies (9011–9014) in the form the device's generation expects
 * (HJ212 §4.1: 2005 puts QN and CN inside CP), its commands, and any packet for tests and simulators.
 */
public final class Hj212Encoder {

    private static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private Hj212Encoder() {
    }

    /** {@code ##}, the byte length, the segment, its CRC and CR LF (HJ212 §1). */
    public static byte[] frame(String segment) {
        byte[] body = segment.getBytes(StandardCharsets.UTF_8);
        if (body.length > Hj212Framer.MAX_SEGMENT) {
            throw new IllegalArgumentException("data segment of " + body.length + " bytes does not fit a 4-digit length");
        }
        byte[] packet = new byte[body.length + 12];
        packet[0] = '#';
        packet[1] = '#';
        int n = body.length;
        for (int i = 5; i >= 2; i--) {
            packet[i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        System.arraycopy(body, 0, packet, 6, body.length);
        byte[] crc = Hj212Crc.hex(Hj212Crc.of(body)).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(crc, 0, packet, 6 + body.length, 4);
        packet[packet.length - 2] = '\r';
        packet[packet.length - 1] = '\n';
        return packet;
    }

    /** The data answer 9014 to an upload that asked for one. */
    public static byte[] dataAnswer(Hj212Packet upload) {
        return reply(upload, "9014", "");
    }

    /** The notification answer 9013 (to 1013 time requests and 2025 heartbeats). */
    public static byte[] notificationAnswer(Hj212Packet notification) {
        return reply(notification, "9013", "");
    }

    /** The request answer 9011 with {@code QnRtn} (1 ready, 2 rejected, 3 PW error…, HJ212 §2.4). */
    public static byte[] requestAnswer(Hj212Packet request, int qnRtn) {
        return reply(request, "9011", "QnRtn=" + qnRtn);
    }

    /** The execution result 9012 with {@code ExeRtn}. */
    public static byte[] executionResult(Hj212Packet request, int exeRtn) {
        return reply(request, "9012", "ExeRtn=" + exeRtn);
    }

    private static byte[] reply(Hj212Packet to, String cn, String cp) {
        if (to.version() == Hj212Packet.Version.V2005) {
            StringBuilder area = new StringBuilder();
            if (to.qn() != null) {
                area.append("QN=").append(to.qn()).append(';');
            }
            boolean answersData = cn.equals("9014") || cn.equals("9013");
            if (answersData) {
                area.append("CN=").append(to.cn());
            }
            if (to.isPiece()) {
                area.append(";PNO=").append(to.pno()).append(";PNUM=").append(to.pnum());
            }
            if (!cp.isEmpty()) {
                area.append(area.isEmpty() || area.charAt(area.length() - 1) == ';' ? "" : ";").append(cp);
            }
            String auth = answersData ? "" : "PW=" + nullToEmpty(to.pw()) + ";MN=" + to.mn() + ";Flag=0;";
            return frame("ST=91;CN=" + cn + ";" + auth + "CP=&&" + area + "&&");
        }
        String qn = to.qn() == null ? "" : "QN=" + to.qn() + ";";
        return frame(qn + "ST=91;CN=" + cn + ";PW=" + nullToEmpty(to.pw()) + ";MN=" + to.mn() + ";Flag="
                + to.version().flagBits() + ";CP=&&" + cp + "&&");
    }

    /**
     * A platform command to a device (HJ212 §4.3): a fresh QN, the device's ST, PW and MN, Flag asking for
     * an answer, and the given data-area items in order (e.g. {@code SystemTime}, {@code BeginTime}/{@code EndTime}).
     */
    public static byte[] command(Hj212Packet.Version version, LocalDateTime qn, String st, String cn, String pw, String mn,
                                 Map<String, String> cp) {
        StringBuilder area = new StringBuilder();
        cp.forEach((k, v) -> area.append(area.isEmpty() ? "" : ";").append(k).append('=').append(v));
        return frame("QN=" + QN.format(qn) + ";ST=" + st + ";CN=" + cn + ";PW=" + pw + ";MN=" + mn + ";Flag="
                + (version.flagBits() | 1) + ";CP=&&" + area + "&&");
    }

    /** A time as the data area writes it (yyyyMMddHHmmss). */
    public static String time(LocalDateTime t) {
        return TIME.format(t);
    }

    /** A QN for a time (yyyyMMddHHmmssSSS). */
    public static String qn(LocalDateTime t) {
        return QN.format(t);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
