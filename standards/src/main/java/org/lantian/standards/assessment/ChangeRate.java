package org.lantian.standards.assessment;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Change against the same period of the previous year (STANDARDS §3.4): (current − previous) / previous
 * × 100 %. Positive is worse, negative better; the improvement rate (改善率) is its opposite.
 */
public final class ChangeRate {

    private ChangeRate() {
    }

    /** The change in percent, exact to 34 digits; empty when the previous value is zero. */
    public static Optional<BigDecimal> percent(BigDecimal current, BigDecimal previous) {
        if (previous.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(current.subtract(previous).multiply(BigDecimal.valueOf(100)).divide(previous, Mean.PRECISION));
    }

    /** The improvement rate in percent: the change with the opposite sign. */
    public static Optional<BigDecimal> improvementPercent(BigDecimal current, BigDecimal previous) {
        return percent(current, previous).map(BigDecimal::negate);
    }
}
