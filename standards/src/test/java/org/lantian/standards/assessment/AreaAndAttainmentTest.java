package org.lantian.standards.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lantian.standards.Pollutant;
import org.lantian.standards.RuleSet;
import org.lantian.standards.aqi.AqiOptions;

class AreaAndAttainmentTest {

    private static final LocalDate DAY = LocalDate.of(2023, 1, 10);

    private static DailyValues station(String pm25, String co, String mda8) {
        Map<Pollutant, Mean> means = new EnumMap<>(Pollutant.class);
        means.put(Pollutant.PM2_5, new Mean(new BigDecimal(pm25), 1));
        means.put(Pollutant.CO, new Mean(new BigDecimal(co), 1));
        return new DailyValues(DAY, means, Optional.of(new Mean(new BigDecimal(mda8), 1)), Optional.empty());
    }

    @Test
    void theCityDayIsTheMeanOfItsStationsPublishedValues() {
        // station PM2.5 74.5 is published as 74 (half-even), 75.5 as 76: the city mean of 74, 76, 80 is 76.67
        List<DailyValues> stations = List.of(station("74.5", "1.25", "100.4"), station("75.5", "1.35", "120"),
                station("80", "1.4", "140"));
        DailyValues city = SpatialMean.day(DAY, stations, 1);
        assertThat(city.means().get(Pollutant.PM2_5).value()).isEqualByComparingTo(new BigDecimal("230").divide(BigDecimal.valueOf(3), Mean.PRECISION));
        assertThat(city.means().get(Pollutant.PM2_5).rounded(0)).isEqualByComparingTo("77");
        assertThat(city.means().get(Pollutant.CO).rounded(1)).isEqualByComparingTo("1.3");  // (1.2 + 1.4 + 1.4)/3 = 1.333
        assertThat(city.o3MaxEightHour().orElseThrow().value()).isEqualByComparingTo("120"); // (100 + 120 + 140)/3
        assertThat(city.means()).doesNotContainKey(Pollutant.SO2);
        assertThat(SpatialMean.day(DAY, stations.subList(0, 1), 2).means()).isEmpty();
    }

    @Test
    void aSandDustDaysAqiLeavesOutParticulates() {
        Map<Pollutant, Mean> means = new EnumMap<>(Pollutant.class);
        means.put(Pollutant.SO2, new Mean(new BigDecimal("10"), 1));
        means.put(Pollutant.NO2, new Mean(new BigDecimal("60"), 1));
        means.put(Pollutant.CO, new Mean(new BigDecimal("0.8"), 1));
        means.put(Pollutant.PM10, new Mean(new BigDecimal("600"), 1));
        means.put(Pollutant.PM2_5, new Mean(new BigDecimal("150"), 1));
        DailyValues sandDay = new DailyValues(DAY, means, Optional.of(new Mean(new BigDecimal("80"), 1)), Optional.empty());
        assertThat(sandDay.aqi(RuleSet.CN2026T, AqiOptions.DEFAULTS).aqi()).hasValue(500);
        var deducted = sandDay.aqiWithSandDustDeducted(RuleSet.CN2026T, AqiOptions.DEFAULTS);
        assertThat(deducted.aqi()).hasValue(75);   // NO2 60 → 50 + ceil(50·20/40)
        assertThat(deducted.primary()).containsExactly(Pollutant.NO2);
    }

    private static List<DailyValues> year(int pm25, int pm25Peak, int peakDays) {
        List<DailyValues> days = new ArrayList<>();
        for (int d = 0; d < 365; d++) {
            Map<Pollutant, Mean> means = new EnumMap<>(Pollutant.class);
            means.put(Pollutant.SO2, new Mean(BigDecimal.valueOf(12), 1));
            means.put(Pollutant.NO2, new Mean(BigDecimal.valueOf(30), 1));
            means.put(Pollutant.PM10, new Mean(BigDecimal.valueOf(65), 1));
            means.put(Pollutant.PM2_5, new Mean(BigDecimal.valueOf(d < peakDays ? pm25Peak : pm25), 1));
            means.put(Pollutant.CO, new Mean(new BigDecimal("1.0"), 1));
            days.add(new DailyValues(LocalDate.of(2023, 1, 1).plusDays(d), means,
                    Optional.of(new Mean(BigDecimal.valueOf(150), 1)), Optional.empty()));
        }
        return days;
    }

    @Test
    void annualAttainmentJudgesTheMeanAndThePercentile() {
        // PM2.5 34 every day but 20 days of 100: mean 37.6 fails 35; P95 of that series is 100 (> 75)
        PeriodSummary polluted = PeriodSummary.of(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), year(34, 100, 20));
        Attainment judged = Attainment.of(RuleSet.CN2012, polluted);
        assertThat(judged.met(Pollutant.PM2_5)).isFalse();
        assertThat(judged.items().get(Pollutant.PM2_5)).extracting(Attainment.Item::statistic, i -> i.value().toPlainString(), Attainment.Item::met)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("annual mean", "38", false),
                        org.assertj.core.groups.Tuple.tuple("P95", "100", false));
        assertThat(judged.met(Pollutant.SO2)).isTrue();
        assertThat(judged.met(Pollutant.O3)).isTrue();   // P90 MDA8 150 ≤ 160
        assertThat(judged.allSixMet()).isFalse();

        PeriodSummary clean = PeriodSummary.of(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), year(30, 30, 0));
        assertThat(Attainment.of(RuleSet.CN2012, clean).allSixMet()).isTrue();
        // the same year under the final 2026 limits: PM2.5 30 > 25, PM10 65 > 50, NO2 30 ≤ 30, SO2 12 ≤ 20
        Attainment strict = Attainment.of(RuleSet.CN2026F, clean);
        assertThat(strict.met(Pollutant.PM2_5)).isFalse();
        assertThat(strict.met(Pollutant.PM10)).isFalse();
        assertThat(strict.met(Pollutant.NO2)).isTrue();
    }

    @Test
    void sandDustDaysAreLeftOutOfParticulateStatisticsOnly() {
        List<DailyValues> days = year(30, 300, 5);
        Set<LocalDate> sand = Set.of(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 2), LocalDate.of(2023, 1, 3),
                LocalDate.of(2023, 1, 4), LocalDate.of(2023, 1, 5));
        PeriodSummary raw = PeriodSummary.of(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), days);
        PeriodSummary deducted = PeriodSummary.of(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), days, sand);
        assertThat(raw.rounded(Pollutant.PM2_5, RuleSet.CN2012)).contains(new BigDecimal("34")); // (360·30 + 5·300)/365 = 33.7
        assertThat(deducted.rounded(Pollutant.PM2_5, RuleSet.CN2012)).contains(new BigDecimal("30"));
        assertThat(deducted.validDays()).containsEntry(Pollutant.PM2_5, 360).containsEntry(Pollutant.SO2, 365);
        assertThat(deducted.sandDustDeducted()).isEqualTo(5);
        assertThat(Collections.frequency(deducted.dailySeries().get(Pollutant.PM2_5), BigDecimal.valueOf(300))).isZero();
    }
}
