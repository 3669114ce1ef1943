package org.lantian.standards.hj212;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * One HJ 212 packet, typed, with its data segment as received ({@code text}) and the tolerances it needed.
 *
 * @param qn       request id as sent (null when absent, as 2005 uploads may); {@code qnTime} its time
 * @param flag     null when absent (2005 style: read as 0)
 * @param pnum     total pieces of a split packet, with {@code pno} this piece's number; null when unsplit
 * @param resent   the 2025 {@code RF=1} mark of backfilled data
 * @param otherHeaders header fields the standard does not name, kept as sent
 */
public record Hj212Packet(String text, Version version, String qn, LocalDateTime qnTime, String st, String cn, String pw,
                          String mn, Integer flag, Integer pnum, Integer pno, boolean resent,
                          Map<String, String> otherHeaders, DataArea data, List<Tolerance> tolerated) {

    /** Protocol generation, from the Flag version bits (HJ212 §2.1). */
    public enum Version {
        V2005, V2017, V2025, UNKNOWN;

        static Version of(Integer flag) {
            if (flag == null) {
                return V2005;
            }
            return switch (flag >> 2) {
                case 0 -> V2005;
                case 1 -> V2017;
                case 2 -> V2025;
                default -> UNKNOWN;
            };
        }

        /** The version bits a reply or command of this generation carries (unknown answers as 2017). */
        int flagBits() {
            return switch (this) {
                case V2005 -> 0;
                case V2017, UNKNOWN -> 4;
                case V2025 -> 8;
            };
        }
    }

    /** Whether the sender asked for an acknowledgement (Flag bit A). */
    public boolean ackRequested() {
        return flag != null && (flag & 1) == 1;
    }

    /** Whether this is one piece of a split packet (Flag bit D with PNUM and PNO; D alone is read as unsplit, §6). */
    public boolean isPiece() {
        return flag != null && (flag & 2) == 2 && pnum != null && pno != null;
    }

    /**
     * The data area: {@code dataTime} (start of the period for 2031/2041/2051/2061, the instant for 2011),
     * the factors in order, other named parameters (BeginTime, SystemTime, QnRtn…), and items that were
     * no {@code name=value} pair, kept raw.
     */
    public record DataArea(LocalDateTime dataTime, String dataTimeText, Map<String, Factor> factors, Map<String, String> parameters,
                           List<String> unparsed) {
    }

    /**
     * One factor's items: numbers by suffix ({@code Rtd}, {@code Avg}, {@code ZsAvg}, {@code Cou}, {@code RS}…),
     * the data flag, and texts (EFlag, SampleTime, Info, SN, or a number that did not parse), as sent.
     */
    public record Factor(String code, Map<String, BigDecimal> values, String flag, Map<String, String> texts) {

        /** The factor's data flag, N (normal) when the device sent none. */
        public String flagOrNormal() {
            return flag == null ? "N" : flag;
        }
    }
}
