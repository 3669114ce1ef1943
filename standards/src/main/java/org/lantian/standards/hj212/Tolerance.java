package org.lantian.standards.hj212;

/**
 * Deviations from HJ 212 seen in real devices (HJ212 §6). The codec is strict by default; each tolerance
 * is switched on per device, and every packet records the tolerances it needed.
 */
public enum Tolerance {
    /** The CRC field holds CRC-16/MODBUS printed low byte first. */
    CRC_MODBUS_LOW_FIRST("CRC 为 Modbus 算法（低字节在前）"),
    /** The CRC field holds CRC-16/MODBUS printed high byte first. */
    CRC_MODBUS_HIGH_FIRST("CRC 为 Modbus 算法（高字节在前）"),
    /** The length field is wrong (or counts characters, not bytes); the end is found by {@code &&} and the CRC. */
    WRONG_LENGTH("数据段长度与实际不符"),
    /** No CR LF after the CRC (a lone LF or CR, or nothing). */
    MISSING_TAIL("包尾缺少回车换行"),
    /** QN or DataTime with other than 17 or 14 digits, taken by its first 14 digits. */
    LOOSE_TIMES("QN 或 DataTime 位数不符"),
    /** A data segment over 1024 bytes (up to 9999). */
    OVERSIZE("数据段超过 1024 字节"),
    /** Text that is not UTF-8, read as GB18030 (GBK). */
    GBK("文本为 GBK 编码");

    private final String label;

    Tolerance(String label) {
        this.label = label;
    }

    /** The deviation in Chinese, for the device pages. */
    public String label() {
        return label;
    }
}
