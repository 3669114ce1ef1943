package org.lantian.standards.hj212;

/**
 * The CRC of HJ 212 (HJ212 §1.1, Annex A of both standards): init 0xFFFF, reflected polynomial 0xA001, but
 * each byte meets the register's <em>high</em> byte and the low byte is dropped. That makes it no catalogue
 * CRC, so no library computes it. Because the register is below 256 after each mix, one table lookup per
 * byte does the eight shift steps. CRC-16/MODBUS, which some vendors send instead (§6), is here too.
 */
public final class Hj212Crc {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int reg = i;
            for (int bit = 0; bit < 8; bit++) {
                reg = (reg & 1) != 0 ? (reg >>> 1) ^ 0xA001 : reg >>> 1;
            }
            TABLE[i] = reg;
        }
    }

    private Hj212Crc() {
    }

    /**
     * Eight bytes at a time. Each step keeps only the register's high byte h: h' = T(h ^ b) >>> 8, and T is
     * linear (T(a ^ b) = T(a) ^ T(b)), so eight steps are h8 = S8[h] ^ S8[b0] ^ S7[b1] ^ … ^ S1[b7], with Sk the
     * step applied k times. Seven of those nine lookups do not wait for h: the processor does them alongside,
     * and the chain from one h to the next is one lookup instead of eight.
     */
    private static final int[][] STEPS = new int[9][256];

    static {
        for (int i = 0; i < 256; i++) {
            STEPS[0][i] = i;
        }
        for (int k = 1; k <= 8; k++) {
            for (int i = 0; i < 256; i++) {
                STEPS[k][i] = TABLE[STEPS[k - 1][i]] >>> 8;
            }
        }
    }

    /** The standard CRC of {@code length} bytes from {@code offset}. */
    public static int of(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return 0xFFFF;
        }
        int[] s1 = STEPS[1], s2 = STEPS[2], s3 = STEPS[3], s4 = STEPS[4], s5 = STEPS[5], s6 = STEPS[6], s7 = STEPS[7], s8 = STEPS[8];
        int h = 0xFF;
        int i = offset;
        int last = offset + length - 1; // the last byte meets the whole table: its low byte is the CRC's
        for (; i + 8 <= last; i += 8) {
            h = s8[h ^ (bytes[i] & 0xFF)] ^ s7[bytes[i + 1] & 0xFF] ^ s6[bytes[i + 2] & 0xFF] ^ s5[bytes[i + 3] & 0xFF]
                    ^ s4[bytes[i + 4] & 0xFF] ^ s3[bytes[i + 5] & 0xFF] ^ s2[bytes[i + 6] & 0xFF] ^ s1[bytes[i + 7] & 0xFF];
        }
        for (; i < last; i++) {
            h = s1[h ^ (bytes[i] & 0xFF)];
        }
        return TABLE[h ^ (bytes[last] & 0xFF)];
    }

    /** The algorithm as HJ212 §1.1 writes it, bit by bit: the reference the table form is tested against. */
    static int reference(byte[] bytes, int offset, int length) {
        int reg = 0xFFFF;
        for (int i = offset, end = offset + length; i < end; i++) {
            reg = (reg >>> 8) ^ (bytes[i] & 0xFF);
            for (int bit = 0; bit < 8; bit++) {
                reg = (reg & 1) != 0 ? (reg >>> 1) ^ 0xA001 : reg >>> 1;
            }
        }
        return reg;
    }

    public static int of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    /** CRC-16/MODBUS (the byte meets the low byte), the usual vendor mistake. */
    public static int modbus(byte[] bytes, int offset, int length) {
        int reg = 0xFFFF;
        for (int i = offset, end = offset + length; i < end; i++) {
            reg ^= bytes[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                reg = (reg & 1) != 0 ? (reg >>> 1) ^ 0xA001 : reg >>> 1;
            }
        }
        return reg;
    }

    /** The CRC as the packet carries it: four upper-case hex digits, high byte first. */
    public static String hex(int crc) {
        char[] digits = new char[4];
        for (int i = 3; i >= 0; i--) {
            digits[i] = Character.toUpperCase(Character.forDigit(crc & 0xF, 16));
            crc >>>= 4;
        }
        return new String(digits);
    }

    /** The two bytes swapped: a CRC printed low byte first. */
    public static int swapped(int crc) {
        return ((crc & 0xFF) << 8) | (crc >>> 8);
    }
}
