package org.lantian.standards;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Rounding as GB/T 8170 prescribes: round half to even, applied once to the exact value
 * (STANDARDS §1.4). 74.5 → 74, 75.5 → 76, 1.25 → 1.2, 1.35 → 1.4, 2.451 → 2.5.
 */
public final class Gbt8170 {

    private Gbt8170() {
    }

    /** {@code value} rounded half-even to {@code decimals} places. */
    public static BigDecimal round(BigDecimal value, int decimals) {
        return value.setScale(decimals, RoundingMode.HALF_EVEN);
    }

    /** The exact quotient {@code dividend / divisor}, rounded once, half-even, to {@code decimals} places. */
    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor, int decimals) {
        return dividend.divide(divisor, decimals, RoundingMode.HALF_EVEN);
    }

    /** The exact mean of {@code sum} over {@code count} values, rounded once to {@code decimals} places. */
    public static BigDecimal mean(BigDecimal sum, long count, int decimals) {
        return divide(sum, new BigDecimal(BigInteger.valueOf(count)), decimals);
    }
}
