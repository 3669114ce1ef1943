package org.lantian.platform.neighbours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LaggedCorrelationTest {

    /** A week of hourly PM2.5: a shared diurnal cycle, plus episodes that reach the follower {@code lag} hours later. */
    private static double[][] week(int lag, long seed) {
        Random random = new Random(seed);
        int hours = 7 * 24;
        double[] episodes = new double[hours + lag];
        double level = 0;
        for (int i = 0; i < episodes.length; i++) {
            level = 0.9 * level + random.nextGaussian() * 20;   // slowly varying plumes
            episodes[i] = level;
        }
        double[] x = new double[hours];
        double[] y = new double[hours];
        for (int t = 0; t < hours; t++) {
            double diurnal = 30 * Math.cos(2 * Math.PI * (t % 24 - 3) / 24.0);  // night-time build-up in both cities
            x[t] = 80 + diurnal + episodes[t + lag] + random.nextGaussian() * 5;
            y[t] = 70 + diurnal + episodes[t] + random.nextGaussian() * 5;
        }
        return new double[][] {x, y};
    }

    @Test
    void findsTheHoursByWhichTheNeighbourLeads() {
        for (int lag : new int[] {0, 3, 6, 9}) {
            double[][] s = week(lag, 42 + lag);
            LaggedCorrelation.Result r = LaggedCorrelation.of(s[0], s[1], 0, 12, 48);
            assertThat(r.best().lagHours()).as("lag " + lag).isEqualTo(lag);
            assertThat(r.best().r()).as("lag " + lag).isGreaterThan(0.8);
            assertThat(r.lags()).hasSize(13);
            assertThat(r.leads(0.5)).isEqualTo(lag > 0);
        }
    }

    @Test
    void theSharedDiurnalCycleAloneFindsNoLead() {
        Random random = new Random(7);
        double[] x = new double[168];
        double[] y = new double[168];
        for (int t = 0; t < 168; t++) {
            double diurnal = 30 * Math.cos(2 * Math.PI * (t % 24) / 24.0);
            x[t] = 80 + diurnal + random.nextGaussian() * 10;
            y[t] = 70 + diurnal + random.nextGaussian() * 10;
        }
        LaggedCorrelation.Result r = LaggedCorrelation.of(x, y, 0, 12, 48);
        assertThat(r.best().r()).as("without the departures every lag would share the cycle").isLessThan(0.5);
        assertThat(r.leads(0.5)).isFalse();
    }

    @Test
    void missingHoursAreSkippedAndTooFewPairsGiveNoAnswer() {
        double[][] s = week(4, 11);
        for (int t = 0; t < 168; t += 5) {
            s[0][t] = Double.NaN;
        }
        assertThat(LaggedCorrelation.of(s[0], s[1], 0, 12, 48).best().lagHours()).isEqualTo(4);
        double[] sparse = new double[168];
        Arrays.fill(sparse, Double.NaN);
        double[][] whole = week(4, 11);
        for (int t = 0; t < 40; t++) {
            sparse[t] = whole[0][t];
        }
        LaggedCorrelation.Result few = LaggedCorrelation.of(sparse, whole[1], 0, 12, 48);
        assertThat(few.best()).isNull();
        assertThat(few.lags().get(0).pairs()).isEqualTo(40);
        assertThat(few.leads(0.5)).isFalse();
    }

    @Test
    void pearsonIsExactOnAStraightLine() {
        double[] x = new double[48];
        double[] y = new double[48];
        for (int t = 0; t < 48; t++) {
            x[t] = t % 7;
            y[t] = 2 * (t % 7) + 1;
        }
        // departures by hour of day over two days keep the line: r at lag 0 is exactly 1
        assertThat(LaggedCorrelation.of(x, y, 5, 0, 10).lags().get(0).r()).isCloseTo(1.0, within(1e-12));
    }
}
