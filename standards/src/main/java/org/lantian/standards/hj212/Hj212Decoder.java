package org.lantian.standards.hj212;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a framed packet into an {@link Hj212Packet} or a {@link Rejection} (HJ212 §1–3, §6). Strict by
 * default: every deviation needs its {@link Tolerance}, which the caller grants per device once the MN is
 * known; the packet lists the tolerances it used.
 */
public final class Hj212Decoder {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private Hj212Decoder() {
    }

    /** Why a packet was refused, with the bytes as received (frame and all). */
    public record Rejection(RejectReason reason, String detail, byte[] bytes) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Rejection r && r.reason == reason && r.detail.equals(detail) && Arrays.equals(r.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return reason.hashCode() * 31 + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return reason + ": " + detail;
        }
    }

    public sealed interface Result permits Accepted, Rejected {
    }

    public record Accepted(Hj212Packet packet) implements Result {
    }

    public record Rejected(Rejection rejection) implements Result {
    }

    /** Decodes with a fixed set of tolerances. */
    public static Result decode(byte[] buf, Hj212Framer.Frame frame, Set<Tolerance> allowed) {
        return decode(buf, frame, mn -> allowed);
    }

    /**
     * Decodes a frame found by {@link Hj212Framer#scan} in {@code buf}; {@code tolerancesOf} gives the
     * tolerances granted to the device with that MN.
     */
    public static Result decode(byte[] buf, Hj212Framer.Frame frame, Function<String, Set<Tolerance>> tolerancesOf) {
        int frameStart = frame.segmentOffset() - 6;
        java.util.function.Supplier<byte[]> raw = () -> Arrays.copyOfRange(buf, frameStart, frameStart + frame.length());
        List<Tolerance> used = new ArrayList<>(2);
        int offset = frame.segmentOffset();
        int length = frame.segmentLength();

        if (frame.lengthRecovered() || frame.declaredLength() != length) {
            used.add(Tolerance.WRONG_LENGTH);
        }
        if (length > 1024) {
            used.add(Tolerance.OVERSIZE);
        }
        if (frame.tail() != Hj212Framer.Tail.CRLF) {
            used.add(Tolerance.MISSING_TAIL);
        }
        int field = Integer.parseInt(frame.crcField(), 16);
        if (Hj212Crc.of(buf, offset, length) != field) {
            int modbus = Hj212Crc.modbus(buf, offset, length);
            if (Hj212Crc.swapped(modbus) == field) {
                used.add(Tolerance.CRC_MODBUS_LOW_FIRST);
            } else if (modbus == field) {
                used.add(Tolerance.CRC_MODBUS_HIGH_FIRST);
            } else {
                return reject(RejectReason.BAD_CRC, "CRC 应为 " + Hj212Crc.hex(Hj212Crc.of(buf, offset, length))
                        + "，报文为 " + frame.crcField(), raw);
            }
        }
        String text;
        try {
            text = text(buf, offset, length, used);
        } catch (CharacterCodingException e) {
            return reject(RejectReason.BAD_ENCODING, "数据段含非 UTF-8/GB18030 字节", raw);
        }
        return parse(text, raw, used, tolerancesOf);
    }

    private static String text(byte[] buf, int offset, int length, List<Tolerance> used) throws CharacterCodingException {
        boolean ascii = true;
        for (int i = offset, end = offset + length; i < end; i++) {
            if (buf[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(buf, offset, length, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(buf, offset, length)).toString();
        } catch (CharacterCodingException notUtf8) {
            String gbk = GB18030.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(buf, offset, length)).toString();
            used.add(Tolerance.GBK);
            return gbk;
        }
    }

    private static Result parse(String text, java.util.function.Supplier<byte[]> raw, List<Tolerance> used, Function<String, Set<Tolerance>> tolerancesOf) {
        int cp = text.indexOf("CP=&&");
        if (cp < 0 || !text.endsWith("&&") || text.length() < cp + 7) {
            return reject(RejectReason.NO_CP, "数据段应以 CP=&&…&& 结束", raw);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int start = 0; start < cp; ) {
            int end = text.indexOf(';', start);
            end = end < 0 || end > cp ? cp : end;
            String item = text.substring(start, end).trim();
            if (!item.isEmpty()) {
                int eq = item.indexOf('=');
                if (eq <= 0) {
                    return reject(RejectReason.BAD_HEADER, "包头字段“" + item + "”不是 名称=值", raw);
                }
                headers.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
            }
            start = end + 1;
        }
        String mn = headers.remove("MN");
        if (mn == null || mn.isEmpty()) {
            return reject(RejectReason.MISSING_MN, "MN 为空或缺失", raw);
        }
        String cn = headers.remove("CN");
        if (cn == null || cn.length() != 4 || !digits(cn, 0, 4)) {
            return reject(RejectReason.MISSING_CN, "CN 应为 4 位数字：" + cn, raw);
        }
        String st = headers.remove("ST");
        if (st == null || st.isEmpty()) {
            return reject(RejectReason.MISSING_ST, "ST 缺失", raw);
        }
        String qn = headers.remove("QN");
        LocalDateTime qnTime = null;
        if (qn != null) {
            qnTime = time(qn, 17, used);
            if (qnTime == null) {
                return reject(RejectReason.BAD_QN, "QN “" + qn + "” 不是 yyyyMMddHHmmssSSS", raw);
            }
        }
        Integer flag = null;
        String flagText = headers.remove("Flag");
        if (flagText != null) {
            flag = smallInt(flagText);
            if (flag == null || flag > 255) {
                return reject(RejectReason.BAD_FLAG, "Flag “" + flagText + "”", raw);
            }
        }
        Integer pnum = smallInt(headers.remove("PNUM"));
        Integer pno = smallInt(headers.remove("PNO"));
        if (pnum != null && pno != null && (pno < 1 || pno > pnum)) { // PNO numbers the pieces 1…PNUM (HJ212.md §2.1, §4.5)
            return reject(RejectReason.BAD_PIECE, "PNO=" + pno + "，PNUM=" + pnum, raw);
        }
        boolean resent = "1".equals(headers.remove("RF"));
        String pw = headers.remove("PW");

        Map<String, Hj212Packet.Factor> factors = new LinkedHashMap<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> unparsed = new ArrayList<>(0);
        String dataTimeText = items(text, cp + 5, text.length() - 2, factors, parameters, unparsed);
        LocalDateTime dataTime = null;
        if (dataTimeText != null) {
            dataTime = time(dataTimeText, 14, used);
            if (dataTime == null) {
                return reject(RejectReason.BAD_DATA_TIME, "DataTime “" + dataTimeText + "”", raw);
            }
        }
        Set<Tolerance> allowed = tolerancesOf.apply(mn);
        for (Tolerance t : used) {
            if (!allowed.contains(t)) {
                return reject(reasonFor(t), t.label() + "（该设备未允许此偏差）", raw);
            }
        }
        return new Accepted(new Hj212Packet(text, Hj212Packet.Version.of(flag), qn, qnTime, st, cn, pw, mn, flag, pnum, pno,
                resent, headers.isEmpty() ? Map.of() : headers, new Hj212Packet.DataArea(dataTime, dataTimeText, factors,
                parameters, unparsed), used.isEmpty() ? List.of() : List.copyOf(used)));
    }

    /** Suffixes the standard names (HJ212 §3.1), as constants: their hash codes are computed once. */
    private static final String[] KNOWN_SUFFIXES = {"Rtd", "Min", "Avg", "Max", "ZsRtd", "ZsMin", "ZsAvg", "ZsMax", "Cou", "Flag",
            "EFlag", "SampleTime", "Info", "SN", "RS", "RT", "Data", "DayData", "NightData"};

    /**
     * Reads the data-area items into the maps; returns the DataTime text, if any. Works on positions in
     * the text rather than substrings: a CEMS packet has fifty items, and this is the gateway's hot path.
     */
    private static String items(String text, int from, int to, Map<String, Hj212Packet.Factor> factors,
                                Map<String, String> parameters, List<String> unparsed) {
        String dataTime = null;
        Hj212Packet.Factor current = null;
        int start = from;
        while (start < to) {
            int end = start;
            while (end < to) {
                char c = text.charAt(end);
                if (c == ';' || c == ',') {
                    break;
                }
                if (c == '/' && end + 1 < to && text.charAt(end + 1) == '/' && end > start && text.charAt(end - 1) == '=') {
                    int close = text.indexOf("//", end + 2); // //text// is opaque: it may hold separators
                    end = close < 0 || close + 2 > to ? to : close + 2;
                    continue;
                }
                end++;
            }
            int s = start;
            int e = end;
            start = end + 1;
            while (s < e && text.charAt(s) <= ' ') {
                s++;
            }
            while (e > s && text.charAt(e - 1) <= ' ') {
                e--;
            }
            if (s == e) {
                continue;
            }
            int eq = text.indexOf('=', s);
            if (eq < 0 || eq >= e || eq == s) {
                unparsed.add(text.substring(s, e));
                continue;
            }
            int nameEnd = eq;
            while (nameEnd > s && text.charAt(nameEnd - 1) <= ' ') {
                nameEnd--;
            }
            int valueStart = eq + 1;
            while (valueStart < e && text.charAt(valueStart) <= ' ') {
                valueStart++;
            }
            int dash = text.indexOf('-', s);
            if (dash < 0 || dash >= nameEnd || dash == s) {
                String name = text.substring(s, nameEnd);
                String value = text.substring(valueStart, e);
                if (name.equals("DataTime")) {
                    dataTime = value;
                } else {
                    parameters.put(name, value);
                }
                continue;
            }
            if (current == null || current.code().length() != dash - s || !text.regionMatches(s, current.code(), 0, dash - s)) {
                String code = text.substring(s, dash);
                current = factors.get(code);
                if (current == null) {
                    current = new Hj212Packet.Factor(code, new LinkedHashMap<>(8), null, new LinkedHashMap<>(0));
                    factors.put(code, current);
                }
            }
            String suffix = suffix(text, dash + 1, nameEnd);
            if (suffix.equals("Flag")) {
                current = new Hj212Packet.Factor(current.code(), current.values(), text.substring(valueStart, e), current.texts());
                factors.put(current.code(), current);
            } else if (suffix.equals("EFlag") || suffix.equals("SampleTime") || suffix.equals("Info") || suffix.equals("SN")) {
                current.texts().put(suffix, text.substring(valueStart, e));
            } else {
                BigDecimal number = number(text, valueStart, e);
                if (number == null) {
                    current.texts().put(suffix, text.substring(valueStart, e));
                } else {
                    current.values().put(suffix, number);
                }
            }
        }
        return dataTime;
    }

    /** The suffix between {@code from} and {@code to}: a shared constant when the standard names it. */
    private static String suffix(String text, int from, int to) {
        int length = to - from;
        for (String known : KNOWN_SUFFIXES) {
            if (known.length() == length && text.regionMatches(from, known, 0, length)) {
                return known;
            }
        }
        return text.substring(from, to);
    }

    static BigDecimal number(String s) {
        return number(s, 0, s.length());
    }

    /** A decimal number (optional sign, digits, one point) in {@code s} from {@code from} to {@code to}; fast for short values. */
    static BigDecimal number(CharSequence s, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return null;
        }
        if (n > 18) {
            return slowNumber(s.subSequence(from, to).toString());
        }
        int i = from;
        boolean negative = false;
        if (s.charAt(i) == '-' || s.charAt(i) == '+') {
            negative = s.charAt(i) == '-';
            i++;
        }
        long unscaled = 0;
        int scale = -1;
        int digits = 0;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                unscaled = unscaled * 10 + (c - '0');
                digits++;
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                return null;
            }
        }
        if (digits == 0) {
            return null;
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, Math.max(scale, 0));
    }

    private static BigDecimal slowNumber(String s) {
        try {
            BigDecimal value = new BigDecimal(s);
            return s.indexOf('e') >= 0 || s.indexOf('E') >= 0 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A time of {@code digits} digits (yyyyMMddHHmmss[SSS]); other lengths by their first 14 under LOOSE_TIMES. */
    private static LocalDateTime time(String s, int expected, List<Tolerance> used) {
        if (s.length() < 14 || !digits(s, 0, s.length())) {
            return null;
        }
        if (s.length() != expected && !used.contains(Tolerance.LOOSE_TIMES)) {
            used.add(Tolerance.LOOSE_TIMES);
        }
        return time(s, 0, expected == 17 && s.length() == 17 ? 17 : 14);
    }

    /** The time yyyyMMddHHmmss (14 digits) or yyyyMMddHHmmssSSS (17) in {@code s} from {@code from} to {@code to}; null if it is none. */
    static LocalDateTime time(CharSequence s, int from, int to) {
        if (!digits(s, from, to)) {
            return null;
        }
        try {
            int nanos = to - from == 17 ? Integer.parseInt(s, from + 14, from + 17, 10) * 1_000_000 : 0;
            return LocalDateTime.of(Integer.parseInt(s, from, from + 4, 10), Integer.parseInt(s, from + 4, from + 6, 10),
                    Integer.parseInt(s, from + 6, from + 8, 10), Integer.parseInt(s, from + 8, from + 10, 10),
                    Integer.parseInt(s, from + 10, from + 12, 10), Integer.parseInt(s, from + 12, from + 14, 10), nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    static boolean digits(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return to > from;
    }

    private static Integer smallInt(String s) {
        return s != null && !s.isEmpty() && s.length() <= 4 && digits(s, 0, s.length()) ? Integer.valueOf(s) : null;
    }

    private static RejectReason reasonFor(Tolerance t) {
        return switch (t) {
            case CRC_MODBUS_LOW_FIRST, CRC_MODBUS_HIGH_FIRST -> RejectReason.BAD_CRC;
            case WRONG_LENGTH -> RejectReason.LENGTH_MISMATCH;
            case MISSING_TAIL -> RejectReason.MISSING_TAIL;
            case LOOSE_TIMES -> RejectReason.BAD_QN;
            case OVERSIZE -> RejectReason.TOO_LONG;
            case GBK -> RejectReason.BAD_ENCODING;
        };
    }

    private static Rejected reject(RejectReason reason, String detail, java.util.function.Supplier<byte[]> raw) {
        return new Rejected(new Rejection(reason, detail, raw.get()));
    }

    /** Every tolerance: for reading packets whose device is not yet known, e.g. in tools. */
    public static Set<Tolerance> all() {
        return EnumSet.allOf(Tolerance.class);
    }
}
