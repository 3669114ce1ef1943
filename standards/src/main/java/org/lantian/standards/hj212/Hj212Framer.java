package org.lantian.standards.hj212;

/**
 * Finds packets in a byte stream however TCP cuts it (HJ212 §5): {@code ##}, four length digits, the data
 * segment, four hex CRC digits, CR LF. Framing is on bytes, never characters (§1). It only finds the
 * frame; whether its length, CRC and tail are acceptable for the device is {@link Hj212Decoder}'s call.
 *
 * <p>When the declared length does not lead to the data area's closing {@code &&} and a CRC field, the end is looked for where the data area
 * closes ({@code &&}, four hex digits, CR or LF): a frame found that way is marked {@code lengthRecovered}.
 */
public final class Hj212Framer {

    /** The largest data segment looked for: the standard allows 1024, devices send more (§6). */
    public static final int MAX_SEGMENT = 9999;

    private Hj212Framer() {
    }

    /** What the bytes from {@code from} hold. */
    public sealed interface Scan permits NeedMore, Junk, Frame {
    }

    /** Not enough bytes yet to decide. */
    public record NeedMore() implements Scan {
    }

    /** {@code length} bytes that are no packet, to be dropped (and logged). */
    public record Junk(int length, RejectReason reason) implements Scan {
    }

    public enum Tail { CRLF, LF, CR, NONE }

    /**
     * A framed packet: {@code length} bytes in all, its data segment at {@code segmentOffset} (an index in
     * the scanned array), {@code crcField} the four characters after it as sent.
     */
    public record Frame(int length, int segmentOffset, int segmentLength, int declaredLength, String crcField, Tail tail,
                        boolean lengthRecovered) implements Scan {
    }

    private static final NeedMore NEED_MORE = new NeedMore();

    /**
     * @param flush true when no more bytes are coming soon (the peer paused or closed): a frame without a
     *              tail is then taken as it is instead of waiting for the tail
     */
    public static Scan scan(byte[] buf, int from, int to, boolean flush) {
        int available = to - from;
        if (available <= 0) {
            return NEED_MORE;
        }
        int start = indexOfHeader(buf, from, to);
        if (start < 0) {
            int keep = buf[to - 1] == '#' && !flush ? 1 : 0;
            return available - keep > 0 ? new Junk(available - keep, RejectReason.JUNK) : NEED_MORE;
        }
        if (start > from) {
            return new Junk(start - from, RejectReason.JUNK);
        }
        if (available < 6) {
            return flush ? new Junk(available, RejectReason.BAD_LENGTH_FIELD) : NEED_MORE;
        }
        int declared = 0;
        for (int i = from + 2; i < from + 6; i++) {
            int digit = buf[i] - '0';
            if (digit < 0 || digit > 9) {
                return new Junk(1, RejectReason.BAD_LENGTH_FIELD); // "###0121…": skip one '#' and look again
            }
            declared = declared * 10 + digit;
        }
        int segment = from + 6;
        int crcAt = segment + declared;
        if (crcAt + 4 <= to && declared >= 2 && buf[crcAt - 1] == '&' && buf[crcAt - 2] == '&' && isHex4(buf, crcAt)) {
            return withTail(buf, from, to, segment, declared, declared, crcAt, false, flush);
        }
        int closing = closingOfData(buf, segment, to, flush);
        if (closing >= 0) {
            return withTail(buf, from, to, segment, closing + 2 - segment, declared, closing + 2, true, flush);
        }
        if (crcAt + 4 > to && !flush && available < 6 + MAX_SEGMENT + 6) {
            return NEED_MORE;
        }
        return new Junk(2, RejectReason.NO_END);
    }

    private static Scan withTail(byte[] buf, int from, int to, int segment, int segmentLength, int declared, int crcAt,
                                 boolean recovered, boolean flush) {
        int t = crcAt + 4;
        Tail tail;
        if (t == to) {
            if (!flush) {
                return NEED_MORE;
            }
            tail = Tail.NONE;
        } else if (buf[t] == '\r') {
            if (t + 1 == to && !flush) {
                return NEED_MORE;
            }
            tail = t + 1 < to && buf[t + 1] == '\n' ? Tail.CRLF : Tail.CR;
        } else {
            tail = buf[t] == '\n' ? Tail.LF : Tail.NONE;
        }
        int tailLength = switch (tail) {
            case CRLF -> 2;
            case LF, CR -> 1;
            case NONE -> 0;
        };
        String crc = new String(buf, crcAt, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        return new Frame(t + tailLength - from, segment, segmentLength, declared, crc, tail, recovered);
    }

    /** The index of the data area's closing {@code &&} (followed by a CRC and a tail), or -1. */
    private static int closingOfData(byte[] buf, int segment, int to, boolean flush) {
        int opener = indexOf(buf, segment, Math.min(to, segment + MAX_SEGMENT), "CP=&&");
        if (opener < 0) {
            return -1;
        }
        for (int i = opener + 5; i + 6 <= to; i++) {
            if (buf[i] == '&' && buf[i + 1] == '&' && isHex4(buf, i + 2)) {
                boolean ends = i + 6 == to ? flush : buf[i + 6] == '\r' || buf[i + 6] == '\n';
                if (ends) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int indexOfHeader(byte[] buf, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (buf[i] == '#' && buf[i + 1] == '#') {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] buf, int from, int to, String ascii) {
        outer:
        for (int i = from; i + ascii.length() <= to; i++) {
            for (int j = 0; j < ascii.length(); j++) {
                if (buf[i + j] != ascii.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static boolean isHex4(byte[] buf, int at) {
        for (int i = at; i < at + 4; i++) {
            if (Character.digit(buf[i], 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
