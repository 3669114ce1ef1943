package org.lantian.standards.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.lantian.standards.BeijingTime;
import org.lantian.standards.Pollutant;
import org.lantian.standards.RuleSet;
import org.lantian.standards.aqi.AqiCalculator;
import org.lantian.standards.aqi.AqiOptions;
import org.lantian.standards.aqi.Indicator;

class StationAccumulatorTest {

    private static final LocalDate FIRST = LocalDate.of(2023, 1, 1);

    /** The end of hour {@code h} (1–24) of a day, Beijing time. */
    private static Instant hourEnd(LocalDate day, int h) {
        return LocalDateTime.of(day, java.time.LocalTime.MIDNIGHT).plusHours(h).atZone(BeijingTime.ZONE).toInstant();
    }

    @Test
    void midnightEndsTheLastHourOfThePreviousDay() {
        StationAccumulator station = new StationAccumulator();
        for (int h = 1; h <= 24; h++) {
            station.put(Pollutant.PM2_5, hourEnd(FIRST, h), BigDecimal.valueOf(h == 24 ? 100 : 10));
        }
        // 23·10 + 100 = 330 / 24 = 13.75 → 14: hour 24 (00:00 on 1/2) belongs to 1/1
        assertThat(station.day(FIRST).means().get(Pollutant.PM2_5).rounded(0)).isEqualByComparingTo("14");
        assertThat(station.day(FIRST.plusDays(1)).means()).doesNotContainKey(Pollutant.PM2_5);
        assertThatThrownBy(() -> station.put(Pollutant.PM2_5, hourEnd(FIRST, 1).plusSeconds(60), BigDecimal.ONE))
                .hasMessageContaining("on the hour");
    }

    @Test
    void aLateOrRevisedHourChangesItsDayAndNothingElse() {
        StationAccumulator station = new StationAccumulator();
        for (int d = 0; d < 2; d++) {
            for (int h = 1; h <= 24; h++) {
                station.put(Pollutant.NO2, hourEnd(FIRST.plusDays(d), h), BigDecimal.valueOf(40));
            }
        }
        var secondDay = station.day(FIRST.plusDays(1));
        assertThat(station.day(FIRST).means().get(Pollutant.NO2).rounded(0)).isEqualByComparingTo("40");
        station.put(Pollutant.NO2, hourEnd(FIRST, 5), BigDecimal.valueOf(280));   // a revision of day 1
        assertThat(station.day(FIRST).means().get(Pollutant.NO2).rounded(0)).isEqualByComparingTo("50");
        assertThat(station.day(FIRST.plusDays(1))).isSameAs(secondDay);              // not recomputed
        for (int h = 1; h <= 5; h++) {
            station.put(Pollutant.NO2, hourEnd(FIRST, h), null);                        // invalidated
        }
        assertThat(station.day(FIRST).means()).doesNotContainKey(Pollutant.NO2);     // 19 hours left
    }

    @Test
    void theRealTimeAqiTakesTheHoursValuesAndTheMovingMeansItNeeds() {
        StationAccumulator station = new StationAccumulator();
        for (int h = 1; h <= 24; h++) {
            Instant t = hourEnd(FIRST, h);
            station.put(Pollutant.PM2_5, t, BigDecimal.valueOf(30));
            station.put(Pollutant.SO2, t, BigDecimal.valueOf(h == 24 ? 900 : 400));
            station.put(Pollutant.NO2, t, BigDecimal.valueOf(20));
            station.put(Pollutant.PM10, t, BigDecimal.valueOf(60));
            station.put(Pollutant.CO, t, new BigDecimal("0.6"));
            station.put(Pollutant.O3, t, BigDecimal.valueOf(50));
        }
        Instant last = hourEnd(FIRST, 24);
        // CN2012: SO2 1h 900 is above 800, so the 24-hour mean (400·23 + 900)/24 = 420.8 → 421 is indexed
        var result = station.realTime(last, RuleSet.CN2012, AqiOptions.DEFAULTS);
        Map<Indicator, BigDecimal> expectedInputs = new EnumMap<>(Indicator.class);
        expectedInputs.put(Indicator.SO2_1H, BigDecimal.valueOf(900));
        expectedInputs.put(Indicator.SO2_24H, new BigDecimal("10100").divide(BigDecimal.valueOf(24), Mean.PRECISION));
        expectedInputs.put(Indicator.NO2_1H, BigDecimal.valueOf(20));
        expectedInputs.put(Indicator.PM10_1H, BigDecimal.valueOf(60));
        expectedInputs.put(Indicator.CO_1H, new BigDecimal("0.6"));
        expectedInputs.put(Indicator.O3_1H, BigDecimal.valueOf(50));
        expectedInputs.put(Indicator.PM2_5_1H, BigDecimal.valueOf(30));
        assertThat(result.aqi()).isEqualTo(AqiCalculator.realTime(RuleSet.CN2012, expectedInputs, AqiOptions.DEFAULTS).aqi());
        assertThat(result.aqi()).hasValue(142); // SO2 24h 421 → 100 + ceil(50·271/325)
    }

    @Test
    void aPeriodTakesTheMeanOfDailyValuesAndThePercentilesOfCoAndOzone() {
        StationAccumulator station = new StationAccumulator();
        for (int d = 0; d < 10; d++) {
            for (int h = 1; h <= 24; h++) {
                Instant t = hourEnd(FIRST.plusDays(d), h);
                station.put(Pollutant.SO2, t, BigDecimal.valueOf(10 + d));
                station.put(Pollutant.NO2, t, BigDecimal.valueOf(30));
                station.put(Pollutant.PM10, t, BigDecimal.valueOf(70));
                station.put(Pollutant.PM2_5, t, BigDecimal.valueOf(35 + d));
                station.put(Pollutant.CO, t, BigDecimal.valueOf(d + 1, 1));
                station.put(Pollutant.O3, t, BigDecimal.valueOf(100 + 10 * d));
            }
        }
        PeriodSummary period = station.period(FIRST, FIRST.plusDays(9));
        assertThat(period.statistics().get(Pollutant.SO2)).isEqualByComparingTo("14.5");
        assertThat(period.statistics().get(Pollutant.PM2_5)).isEqualByComparingTo("39.5");
        assertThat(period.statistics().get(Pollutant.CO)).isEqualByComparingTo("0.955");   // P95 of 0.1 … 1.0
        assertThat(period.statistics().get(Pollutant.O3)).isEqualByComparingTo("181");     // P90 of 100 … 190
        assertThat(period.rounded(Pollutant.PM2_5, RuleSet.CN2012)).contains(new BigDecimal("40"));
        assertThat(period.rounded(Pollutant.PM2_5, RuleSet.CN2026T)).contains(new BigDecimal("39.5"));
        assertThat(period.validDays()).containsEntry(Pollutant.O3, 10);
        // 14.5/60 + 30/40 + 70/70 + 39.5/35 + 0.955/4 + 181/160 = 0.24167 + 0.75 + 1 + 1.12857 + 0.23875 + 1.13125 = 4.4902
        assertThat(period.compositeIndex(CompositeIndex.Definition.CN2012, CompositeIndex.Rounding.SUM_ONCE).orElseThrow().total())
                .isEqualByComparingTo("4.49");
    }

    @Test
    void anEmptyPeriodHasNoStatisticsAndNoIndex() {
        PeriodSummary empty = new StationAccumulator().period(FIRST, FIRST.plusDays(30));
        assertThat(empty.statistics()).isEmpty();
        assertThat(empty.compositeIndex(CompositeIndex.Definition.CN2012, CompositeIndex.Rounding.SUM_ONCE)).isEmpty();
        assertThat(empty.rounded(Pollutant.PM2_5, RuleSet.CN2012)).isEmpty();
    }

    @Property(tries = 200)
    void inAnyArrivalOrderWithRevisionsTheDaysEqualTheBatchComputation(@ForAll long seed) {
        // O3 only: its MDA8 and maximum 1-hour value exercise every window and validity rule of a day
        Random random = new Random(seed);
        int dayCount = 3;
        BigDecimal[][] finalValues = new BigDecimal[dayCount][24];
        List<Object[]> arrivals = new ArrayList<>();
        for (int d = 0; d < dayCount; d++) {
            for (int h = 1; h <= 24; h++) {
                if (random.nextInt(10) == 0) {
                    continue; // a missing hour
                }
                BigDecimal first = BigDecimal.valueOf(random.nextInt(300));
                arrivals.add(new Object[] {d, h, first});
                finalValues[d][h - 1] = first;
            }
        }
        Collections.shuffle(arrivals, random);
        List<Object[]> revisions = new ArrayList<>();
        for (int i = 0; i < arrivals.size() / 5; i++) {
            Object[] original = arrivals.get(random.nextInt(arrivals.size()));
            BigDecimal revised = BigDecimal.valueOf(random.nextInt(300));
            revisions.add(new Object[] {original[0], original[1], revised});
        }
        StationAccumulator station = new StationAccumulator();
        for (Object[] a : arrivals) {
            station.put(Pollutant.O3, hourEnd(FIRST.plusDays((int) a[0]), (int) a[1]), (BigDecimal) a[2]);
            station.day(FIRST.plusDays(random.nextInt(dayCount)));    // queries in between fill the cache
        }
        for (Object[] r : revisions) {
            station.put(Pollutant.O3, hourEnd(FIRST.plusDays((int) r[0]), (int) r[1]), (BigDecimal) r[2]);
            finalValues[(int) r[0]][(int) r[1] - 1] = (BigDecimal) r[2];
        }
        BigDecimal[] series = new BigDecimal[dayCount * 24];
        for (int d = 0; d < dayCount; d++) {
            System.arraycopy(finalValues[d], 0, series, d * 24, 24);
        }
        List<DailyValues> batch = StationSeries.days(FIRST, Map.of(Pollutant.O3, series));
        for (int d = 0; d < dayCount; d++) {
            var day = station.day(FIRST.plusDays(d));
            assertThat(day.o3MaxEightHour()).isEqualTo(DailyStatistics.dailyMaxEightHour(finalValues[d]));
            assertThat(day.o3MaxOneHour()).isEqualTo(DailyStatistics.maxOneHour(finalValues[d]));
            assertThat(day).isEqualTo(batch.get(d));
        }
    }
}
