package org.lantian.platform.neighbours;

import java.util.ArrayList;
import java.util.List;

/**
 * How well one hourly series foretells another k hours later: Pearson's r between x(t) and y(t + k) for
 * k = 0 … maxLag, over the hours where both have a value. Each series is first taken as its departure from
 * its own mean at that hour of the day, because two cities share a diurnal cycle (the night-time build-up)
 * that would otherwise make every pair correlate best at lag 0 or 24 whatever the transport between them.
 * Written here because it is twenty lines over arrays; no statistics library is worth a dependency for it.
 */
final class LaggedCorrelation {

    /** r at one lag, over {@code pairs} hours; r is NaN when there were too few pairs or a series was flat. */
    record AtLag(int lagHours, double r, int pairs) {
    }

    /** Every lag's r, and the best (the highest r among lags with enough pairs), if any. */
    record Result(List<AtLag> lags, AtLag best) {

        boolean leads(double minimumR) {
            return best != null && best.lagHours() > 0 && best.r() >= minimumR;
        }
    }

    private LaggedCorrelation() {
    }

    /**
     * @param x          the leading candidate (a neighbour), one value per hour, NaN for a missing hour
     * @param y          the follower (a Handan county), aligned to the same hours as {@code x}
     * @param hourOfDay0 the hour of the day (0–23) of index 0, for the diurnal departures
     */
    static Result of(double[] x, double[] y, int hourOfDay0, int maxLag, int minPairs) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series of different lengths: " + x.length + " and " + y.length);
        }
        double[] dx = departures(x, hourOfDay0);
        double[] dy = departures(y, hourOfDay0);
        List<AtLag> lags = new ArrayList<>();
        AtLag best = null;
        for (int k = 0; k <= maxLag; k++) {
            AtLag at = pearson(dx, dy, k, minPairs);
            lags.add(at);
            if (!Double.isNaN(at.r()) && (best == null || at.r() > best.r())) {
                best = at;
            }
        }
        return new Result(lags, best);
    }

    /** Each value less the mean of the series' values at the same hour of the day. */
    static double[] departures(double[] series, int hourOfDay0) {
        double[] sum = new double[24];
        int[] count = new int[24];
        for (int i = 0; i < series.length; i++) {
            if (!Double.isNaN(series[i])) {
                sum[(hourOfDay0 + i) % 24] += series[i];
                count[(hourOfDay0 + i) % 24]++;
            }
        }
        double[] out = new double[series.length];
        for (int i = 0; i < series.length; i++) {
            int h = (hourOfDay0 + i) % 24;
            out[i] = Double.isNaN(series[i]) ? Double.NaN : series[i] - sum[h] / count[h];
        }
        return out;
    }

    private static AtLag pearson(double[] x, double[] y, int lag, int minPairs) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        int n = 0;
        for (int t = 0; t + lag < y.length; t++) {
            double a = x[t];
            double b = y[t + lag];
            if (Double.isNaN(a) || Double.isNaN(b)) {
                continue;
            }
            sx += a;
            sy += b;
            sxx += a * a;
            syy += b * b;
            sxy += a * b;
            n++;
        }
        double vx = sxx - sx * sx / n;
        double vy = syy - sy * sy / n;
        if (n < minPairs || vx <= 0 || vy <= 0) {
            return new AtLag(lag, Double.NaN, n);
        }
        return new AtLag(lag, (sxy - sx * sy / n) / Math.sqrt(vx * vy), n);
    }
}
