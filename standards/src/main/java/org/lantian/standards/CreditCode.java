package org.lantian.standards;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from 0–9 and the capitals
 * without I, O, Z, S and V; the last is a check character, 31 − (Σ value × 3^(i−1) mod 31) mod 31.
 */
public final class CreditCode {

    public static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private CreditCode() {
    }

    /** The check character of a code's first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += CHARACTERS.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return CHARACTERS.charAt((31 - sum % 31) % 31);
    }

    /**
     * The code, upper-cased and trimmed, if it is a valid one.
     *
     * @throws IllegalArgumentException naming what is wrong (length, a character, the check character)
     */
    public static String require(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (c.length() != 18) {
            throw new IllegalArgumentException("creditCode：统一社会信用代码应为 18 位，收到 " + c.length() + " 位“" + c + "”");
        }
        for (int i = 0; i < 17; i++) {   // the 18th is the check character, compared below
            if (CHARACTERS.indexOf(c.charAt(i)) < 0) {
                throw new IllegalArgumentException("creditCode：第 " + (i + 1) + " 位“" + c.charAt(i)
                        + "”不是统一社会信用代码可用的字符（数字和除 I、O、Z、S、V 以外的大写字母）");
            }
        }
        char expected = checkCharacter(c.substring(0, 17));
        if (c.charAt(17) != expected) {
            throw new IllegalArgumentException("creditCode：" + c + " 的校验码应为“" + expected + "”，而不是“" + c.charAt(17)
                    + "”（GB 32100-2015），请核对是否录入有误");
        }
        return c;
    }
}
