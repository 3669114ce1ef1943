package org.lantian.standards.assessment;

import java.math.BigDecimal;
import java.math.MathContext;

import org.lantian.standards.Gbt8170;

/**
 * An arithmetic mean kept exact as its sum and count, so that it can be rounded once, at the end, as
 * GB/T 8170 requires — or used unrounded in a later formula (STANDARDS §3.2).
 */
public record Mean(BigDecimal sum, int count) implements Comparable<Mean> {

    /**
     * Precision of {@link #value()}. Means here have denominators far below 10^15, so a 34-digit value is
     * never mistaken for a rounding tie it is not; rounding it equals rounding the exact fraction.
     */
    public static final MathContext PRECISION = MathContext.DECIMAL128;

    public Mean {
        if (count <= 0) {
            throw new IllegalArgumentException("a mean needs at least one value");
        }
    }

    /** The mean to 34 significant digits. */
    public BigDecimal value() {
        return sum.divide(BigDecimal.valueOf(count), PRECISION);
    }

    /** Compares the exact means without dividing: a/m against b/n as a·n against b·m. */
    @Override
    public int compareTo(Mean other) {
        return sum.multiply(BigDecimal.valueOf(other.count)).compareTo(other.sum.multiply(BigDecimal.valueOf(count)));
    }

    /** The exact mean rounded once, half-even, to {@code decimals} places. */
    public BigDecimal rounded(int decimals) {
        return Gbt8170.mean(sum, count, decimals);
    }
}
