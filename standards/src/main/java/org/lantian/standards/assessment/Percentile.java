package org.lantian.standards.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The percentile of HJ 663 Appendix A (STANDARDS §2.6): sort ascending, k = 1 + (n − 1)·p,
 * m = X(s) + (X(s+1) − X(s))·(k − s) with s the integer part of k. The same as R's type 7 and Excel's
 * PERCENTILE.INC. Exact: no rounding here.
 */
public final class Percentile {

    private Percentile() {
    }

    /**
     * @param values  the valid values (at least one)
     * @param percent the percentile, e.g. 95 or 90
     */
    public static BigDecimal of(Collection<BigDecimal> values, int percent) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a percentile needs at least one value");
        }
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent " + percent + " is not 0-100");
        }
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        // k - 1 = (n - 1)·p/100, split into whole and fraction exactly
        long scaled = (long) (n - 1) * percent;
        int s = (int) (scaled / 100);              // zero-based index of X(s)
        BigDecimal fraction = BigDecimal.valueOf(scaled % 100, 2);
        BigDecimal low = sorted.get(s);
        if (fraction.signum() == 0 || s + 1 >= n) {
            return low;
        }
        return low.add(sorted.get(s + 1).subtract(low).multiply(fraction));
    }
}
