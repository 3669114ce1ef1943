package org.lantian.standards.hj212;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * A packet read in place: the positions of its header fields and data items in the received bytes, with
 * nothing allocated per field, for the common case of a packet that keeps the standard to the letter
 * (length, CR LF, CRC, ASCII, header, times, items). {@link #read} answers false for anything else (a
 * tolerance to grant, a refusal to explain, opaque {@code //text//}): the caller then decodes it with
 * {@link Hj212Decoder}, which knows every rule and every reason. What {@code read} accepts, the decoder
 * accepts without a tolerance, with the same fields and values ({@code Hj212ViewTest}).
 *
 * <p>Values are read when asked for: {@link #value(int)} as a {@code BigDecimal}, {@link #valueText(int)} as
 * the text received. One view serves one thread, packet after packet.
 */
public final class Hj212View {

    private static final int HEADER_QN = 0;
    private static final int HEADER_ST = 1;
    private static final int HEADER_CN = 2;
    private static final int HEADER_PW = 3;
    private static final int HEADER_MN = 4;
    private static final int HEADER_FLAG = 5;
    private static final int HEADER_PNUM = 6;
    private static final int HEADER_PNO = 7;
    private static final int HEADER_RF = 8;
    private static final byte[][] HEADER_NAMES = {bytes("QN"), bytes("ST"), bytes("CN"), bytes("PW"), bytes("MN"), bytes("Flag"),
            bytes("PNUM"), bytes("PNO"), bytes("RF")};
    private static final byte[] DATA_TIME = bytes("DataTime");
    private static final byte[] CP = bytes("CP=&&");

    private byte[] buf;
    /** Start and end of each header field's value, -1 when absent. */
    private final int[] headerStart = new int[HEADER_NAMES.length];
    private final int[] headerEnd = new int[HEADER_NAMES.length];
    private int dataTimeStart;
    private int dataTimeEnd;
    /** Per data item: where its name starts, its dash (-1 for a parameter), its '=', its end. */
    private int[] nameStart = new int[64];
    private int[] dash = new int[64];
    private int[] equals = new int[64];
    private int[] end = new int[64];
    private int items;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Reads a frame found by {@link Hj212Framer#scan}. True when the packet keeps the standard to the letter and
     * its fields are now readable here; false when it needs the full decoder (to be tolerated or refused).
     */
    public boolean read(byte[] buf, Hj212Framer.Frame frame) {
        this.buf = buf;
        int from = frame.segmentOffset();
        int length = frame.segmentLength();
        if (frame.lengthRecovered() || frame.declaredLength() != length || length > 1024 || frame.tail() != Hj212Framer.Tail.CRLF
                || crcField(frame.crcField()) != Hj212Crc.of(buf, from, length)) {
            return false;
        }
        int to = from + length;
        int cp = header(from, to);
        return cp >= 0 && to - 2 >= cp + CP.length && data(cp + CP.length, to - 2) && headerValid();
    }

    private static int crcField(String field) {
        int value = 0;
        for (int i = 0; i < field.length(); i++) {
            int d = Character.digit(field.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            value = value * 16 + d;
        }
        return value;
    }

    /** Reads the header fields up to CP=&&; returns where CP=&& starts, or -1 to leave the packet to the decoder. */
    private int header(int from, int to) {
        Arrays.fill(headerStart, -1);
        if (to - from < CP.length + 2 || buf[to - 1] != '&' || buf[to - 2] != '&') {
            return -1;
        }
        int start = from;
        while (start < to) {
            if (matches(start, CP)) {
                return start;
            }
            int eq = -1;
            int i = start;
            for (; i < to && buf[i] != ';'; i++) {
                byte b = buf[i];
                if (b <= ' ' || b == '&') {
                    return -1; // non-ASCII, blanks to trim, or a malformed CP: the decoder's
                }
                if (b == '=' && eq < 0) {
                    eq = i;
                }
            }
            if (eq <= start || !header(start, eq, i)) {
                return -1;
            }
            start = i + 1;
        }
        return -1;
    }

    private boolean header(int nameFrom, int nameTo, int valueTo) {
        for (int h = 0; h < HEADER_NAMES.length; h++) {
            byte[] name = HEADER_NAMES[h];
            if (name.length == nameTo - nameFrom && matches(nameFrom, name)) {
                if (headerStart[h] >= 0) {
                    return false; // repeated: the decoder says which one counts
                }
                headerStart[h] = nameTo + 1;
                headerEnd[h] = valueTo;
                return true;
            }
        }
        return false; // another header field: kept by the decoder
    }

    private boolean headerValid() {
        int[] s = headerStart;
        int[] e = headerEnd;
        if (s[HEADER_MN] < 0 || e[HEADER_MN] == s[HEADER_MN] || s[HEADER_ST] < 0 || e[HEADER_ST] == s[HEADER_ST]
                || s[HEADER_CN] < 0 || e[HEADER_CN] - s[HEADER_CN] != 4 || !digits(s[HEADER_CN], e[HEADER_CN])) {
            return false;
        }
        if (s[HEADER_QN] >= 0 && (e[HEADER_QN] - s[HEADER_QN] != 17 || time(s[HEADER_QN], e[HEADER_QN]) == null)) {
            return false;
        }
        if (s[HEADER_FLAG] >= 0 && smallInt(HEADER_FLAG) > 255) {
            return false;
        }
        int pnum = s[HEADER_PNUM] < 0 ? -1 : smallInt(HEADER_PNUM);
        int pno = s[HEADER_PNO] < 0 ? -1 : smallInt(HEADER_PNO);
        if (pnum == Integer.MAX_VALUE || pno == Integer.MAX_VALUE || pnum >= 0 && pno >= 0 && (pno < 1 || pno > pnum)) {
            return false;
        }
        return dataTimeStart < 0 || dataTimeEnd - dataTimeStart == 14 && time(dataTimeStart, dataTimeEnd) != null;
    }

    /** A header field of at most four digits, or MAX_VALUE for anything else. */
    private int smallInt(int h) {
        int from = headerStart[h];
        int to = headerEnd[h];
        if (to == from || to - from > 4 || !digits(from, to)) {
            return Integer.MAX_VALUE;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + buf[i] - '0';
        }
        return v;
    }

    /** Reads the data items between {@code from} and {@code to}; false to leave the packet to the decoder. */
    private boolean data(int from, int to) {
        items = 0;
        dataTimeStart = -1;
        int start = from;
        while (start < to) {
            int eq = -1;
            int d = -1;
            int i = start;
            for (; i < to; i++) {
                byte b = buf[i];
                if (b == ';' || b == ',') {
                    break;
                }
                if (b <= ' ' || b == '/' || b == '&') {
                    return false; // non-ASCII, blanks, opaque //text//, or a stray &: the decoder's
                }
                if (eq < 0) {
                    if (b == '=') {
                        eq = i;
                    } else if (b == '-' && d < 0) {
                        d = i;
                    }
                }
            }
            if (i == start) {
                start = i + 1;
                continue; // an empty item, as the decoder skips
            }
            if (eq <= start || d == start) {
                return false; // not name=value: the decoder keeps it as unparsed
            }
            if (d < 0 && eq - start == DATA_TIME.length && matches(start, DATA_TIME)) {
                dataTimeStart = eq + 1;
                dataTimeEnd = i;
            } else {
                add(start, d, eq, i);
            }
            start = i + 1;
        }
        return true;
    }

    private void add(int name, int d, int eq, int e) {
        if (items == nameStart.length) {
            nameStart = Arrays.copyOf(nameStart, items * 2);
            dash = Arrays.copyOf(dash, items * 2);
            equals = Arrays.copyOf(equals, items * 2);
            end = Arrays.copyOf(end, items * 2);
        }
        nameStart[items] = name;
        dash[items] = d;
        equals[items] = eq;
        end[items] = e;
        items++;
    }

    private boolean matches(int at, byte[] expected) {
        if (at + expected.length > buf.length) {
            return false;
        }
        for (int k = 0; k < expected.length; k++) {
            if (buf[at + k] != expected[k]) {
                return false;
            }
        }
        return true;
    }

    private boolean digits(int from, int to) {
        return Hj212Decoder.digits(ascii, from, to);
    }

    private LocalDateTime time(int from, int to) {
        return Hj212Decoder.time(ascii, from, to);
    }

    private String text(int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    }

    // ---- reading -----------------------------------------------------------------------------------------

    public String mn() {
        return text(headerStart[HEADER_MN], headerEnd[HEADER_MN]);
    }

    public String cn() {
        return text(headerStart[HEADER_CN], headerEnd[HEADER_CN]);
    }

    public String st() {
        return text(headerStart[HEADER_ST], headerEnd[HEADER_ST]);
    }

    /** The QN, or null without one. */
    public String qn() {
        return headerStart[HEADER_QN] < 0 ? null : text(headerStart[HEADER_QN], headerEnd[HEADER_QN]);
    }

    /** The PW, or null without one. */
    public String pw() {
        return headerStart[HEADER_PW] < 0 ? null : text(headerStart[HEADER_PW], headerEnd[HEADER_PW]);
    }

    /** The Flag, or null without one. */
    public Integer flag() {
        return headerStart[HEADER_FLAG] < 0 ? null : smallInt(HEADER_FLAG);
    }

    public LocalDateTime dataTime() {
        return dataTimeStart < 0 ? null : time(dataTimeStart, dataTimeEnd);
    }

    /** How many data items (factor values and parameters; DataTime not counted). */
    public int items() {
        return items;
    }

    /** Whether item {@code i} is a factor's ({@code code-Suffix=value}) rather than a parameter. */
    public boolean isFactor(int i) {
        return dash[i] >= 0;
    }

    /** The factor code of item {@code i} (the whole name for a parameter). */
    public String code(int i) {
        return text(nameStart[i], dash[i] >= 0 ? dash[i] : equals[i]);
    }

    /** The suffix of a factor's item {@code i} (Avg, Rtd, Flag …). */
    public String suffix(int i) {
        return text(dash[i] + 1, equals[i]);
    }

    public String valueText(int i) {
        return text(equals[i] + 1, end[i]);
    }

    /** Item {@code i}'s value as a decimal number, or null when it is not one (a flag, a text), read as the decoder reads it. */
    public BigDecimal value(int i) {
        return Hj212Decoder.number(ascii, equals[i] + 1, end[i]);
    }

    /** The received bytes as characters (they are ASCII once read): the decoder's number reading serves both. */
    private final CharSequence ascii = new CharSequence() {
        @Override
        public int length() {
            return buf.length;
        }

        @Override
        public char charAt(int index) {
            return (char) buf[index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
        }
    };
}
