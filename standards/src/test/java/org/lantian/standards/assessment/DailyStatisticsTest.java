package org.lantian.standards.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class DailyStatisticsTest {

    /** A day of 24 hours, "-" for a missing hour. */
    private static BigDecimal[] day(String values) {
        String[] parts = values.trim().split("\\s+");
        assertThat(parts).hasSize(24);
        return Arrays.stream(parts).map(p -> p.equals("-") ? null : new BigDecimal(p)).toArray(BigDecimal[]::new);
    }

    private static BigDecimal[] constantDay(int value, int missing) {
        BigDecimal[] d = new BigDecimal[24];
        for (int i = 0; i < 24; i++) {
            d[i] = i < missing ? null : BigDecimal.valueOf(value);
        }
        return d;
    }

    @Test
    void aDailyMeanNeedsTwentyHours() {
        assertThat(DailyStatistics.dailyMean(constantDay(40, 4))).map(m -> m.rounded(0)).contains(new BigDecimal("40"));
        assertThat(DailyStatistics.dailyMean(constantDay(40, 5))).isEmpty();
    }

    @Test
    void theDailyMeanIsRoundedOnceHalfEven() {
        // 23 hours of 10 and one of 22: 252/24 = 10.5 → 10; one of 46: 276/24 = 11.5 → 12
        BigDecimal[] d = constantDay(10, 0);
        d[23] = new BigDecimal("22");
        assertThat(DailyStatistics.dailyMean(d).orElseThrow().rounded(0)).isEqualByComparingTo("10");
        d[23] = new BigDecimal("46");
        assertThat(DailyStatistics.dailyMean(d).orElseThrow().rounded(0)).isEqualByComparingTo("12");
        // a mean that is not a terminating decimal: 241/24 = 10.041666…
        d[23] = new BigDecimal("11");
        assertThat(DailyStatistics.dailyMean(d).orElseThrow().rounded(1)).isEqualByComparingTo("10.0");
    }

    @Test
    void anEightHourMeanNeedsSixOfItsEightHours() {
        BigDecimal[] hours = constantDay(100, 0);
        hours[0] = null;
        hours[1] = null;
        Mean[] moving = DailyStatistics.eightHourMoving(hours);
        assertThat(moving[6]).isNull();                         // window would start before the series
        assertThat(moving[7]).isNotNull();                      // hours 1–8 with 2 missing: 6 valid
        hours[2] = null;
        assertThat(DailyStatistics.eightHourMoving(hours)[7]).isNull(); // 5 valid
        assertThat(DailyStatistics.eightHourMoving(hours)[10]).isNotNull();
    }

    @Test
    void theDailyMaximumEightHourMeanTakesTheWindowsEndingEightToMidnight() {
        // ozone rising to a 200 plateau in hours 13–20
        BigDecimal[] d = day("10 10 10 10 10 10 10 10 20 40 80 120 200 200 200 200 200 200 200 200 80 40 20 10");
        assertThat(DailyStatistics.dailyMaxEightHour(d).orElseThrow().value()).isEqualByComparingTo("200");
        // the window ending at 08:00 counts; one ending at 07:00 (reaching into yesterday) does not exist
        BigDecimal[] early = day("300 300 300 300 300 300 300 300 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10");
        assertThat(DailyStatistics.dailyMaxEightHour(early).orElseThrow().value()).isEqualByComparingTo("300");
    }

    @Test
    void theDailyMaximumEightHourMeanNeedsFourteenValidWindows() {
        // missing hours 9–11 break windows ending 11..16 (each then has 5 valid of 8)? no: 8-hour windows with
        // 3 missing have 5 valid, so the windows ending at hours 11–16 (6 of them) are invalid: 11 remain
        BigDecimal[] d = constantDay(50, 0);
        d[8] = null;
        d[9] = null;
        d[10] = null;
        assertThat(DailyStatistics.dailyMaxEightHour(d)).isEmpty();
        d[10] = new BigDecimal("50");   // 2 missing: every window keeps ≥ 6
        assertThat(DailyStatistics.dailyMaxEightHour(d)).isPresent();
    }

    @Test
    void thePublishedEightHourValueRestartsEachDay() {
        BigDecimal[] d = day("10 20 30 40 50 60 70 80 90 100 110 120 130 140 150 160 170 180 190 200 210 220 230 240");
        Mean[] published = DailyStatistics.publishedEightHour(d);
        assertThat(published[0].value()).isEqualByComparingTo("10");   // hour 1: the hour itself
        assertThat(published[2].value()).isEqualByComparingTo("20");   // hours 1–3
        assertThat(published[7].value()).isEqualByComparingTo("45");   // hours 1–8
        assertThat(published[8].value()).isEqualByComparingTo("55");   // hours 2–9
        assertThat(DailyStatistics.eightHourMoving(d)[2]).isNull();     // the true moving mean does not restart
    }

    @Test
    void theMaximumOneHourValueNeedsTwentyHours() {
        BigDecimal[] d = constantDay(100, 4);
        d[12] = new BigDecimal("250");
        assertThat(DailyStatistics.maxOneHour(d)).contains(new BigDecimal("250"));
        d[4] = null;
        assertThat(DailyStatistics.maxOneHour(d)).isEmpty();
    }

    @Test
    void aDayHasTwentyFourHours() {
        assertThatThrownBy(() -> DailyStatistics.dailyMean(new BigDecimal[23])).hasMessageContaining("24");
    }
}
