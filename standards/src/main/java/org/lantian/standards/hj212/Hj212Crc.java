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

    /** The standard CRC of {@code length} bytes from {@code offset}. */
    public static int of(byte[] bytes, int offset, int length) {
        int reg = 0xFFFF;
        for (int i = offset, end = offset + length; i < end; i++) {
            reg = TABLE[(reg >>> 8) ^ (bytes[i] & 0xFF)];
        }
        return reg;
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
