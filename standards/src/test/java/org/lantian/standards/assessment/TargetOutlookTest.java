package org.lantian.standards.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class TargetOutlookTest {

    private static List<BigDecimal> days(int count, int value) {
        return Collections.nCopies(count, BigDecimal.valueOf(value));
    }

    private static List<BigDecimal> days(int count, BigDecimal value) {
        return Collections.nCopies(count, value);
    }

    @Test
    void theRestOfThePeriodMayAverageWhatTheTargetLeaves() {
        // target 45 over 365 days; 300 days at 50: budget 45·365 − 15000 = 1425 over 65 days = 21.9
        var outlook = TargetOutlook.pm25(new BigDecimal("45"), days(300, 50), 65);
        assertThat(outlook.allowedRestMean()).isEqualByComparingTo("21.9");
        assertThat(outlook.evenControlValue()).isEqualByComparingTo("21");
        // at the pace so far (50 a day for the 64 days after today) today must stay under 1425 − 3200 < 0
        assertThat(outlook.paceControlValue()).isEqualByComparingTo("0");
        assertThat(outlook.reachable()).isTrue();
        assertThat(outlook.explanation()).contains("剩余 65 天", "21.9 μg/m³", "今天的控制值为 21 μg/m³");
    }

    @Test
    void keepingToTheControlValueEveryDayMeetsTheTarget() {
        var outlook = TargetOutlook.pm25(new BigDecimal("45"), days(200, 44), 165);
        BigDecimal control = outlook.evenControlValue();
        BigDecimal total = BigDecimal.valueOf(200L * 44).add(control.multiply(BigDecimal.valueOf(165)));
        assertThat(total.divide(BigDecimal.valueOf(365), 10, java.math.RoundingMode.HALF_EVEN)).isLessThanOrEqualTo(new BigDecimal("45"));
        assertThat(outlook.paceControlValue()).isEqualByComparingTo(BigDecimal.valueOf(45L * 365 - 200L * 44 - 164L * 44));
    }

    @Test
    void saysSoWhenTheTargetIsOutOfReach() {
        var outlook = TargetOutlook.pm25(new BigDecimal("30"), days(360, 40), 5);
        assertThat(outlook.reachable()).isFalse();
        assertThat(outlook.evenControlValue()).isEqualByComparingTo("0");
        assertThat(outlook.explanation()).contains("目标已无法实现", "39.5");
    }

    @Test
    void aRestThatMustAverageBelowOneMicrogramIsOutOfReachNotAControlValueOfZero() {
        // 45·365 − 364·45.1 = 16425 − 16416.4 = 8.6 left for 1 day: control 8, reachable
        assertThat(TargetOutlook.pm25(new BigDecimal("45"), days(364, new BigDecimal("45.1")), 1).reachable()).isTrue();
        // 45·365 − 355·46.25 = 16425 − 16418.75 = 6.25 over 10 days: 0.6 a day, out of reach although not negative
        var outlook = TargetOutlook.pm25(new BigDecimal("45"), days(355, new BigDecimal("46.25")), 10);
        assertThat(outlook.allowedRestMean()).isEqualByComparingTo("0.6");
        assertThat(outlook.reachable()).isFalse();
        assertThat(outlook.explanation()).contains("须低于 1 μg/m³", "目标已无法实现").doesNotContain("控制值为 0");
        // reachable evenly, but not at the pace so far: said in words, not as "today 0"
        var paced = TargetOutlook.pm25(new BigDecimal("45"), days(300, 50), 65);
        assertThat(paced.explanation()).contains("目标将无法实现").doesNotContain("不能超过 0 μg/m³");
    }

    @Test
    void withNoDaysYetTheWholeTargetIsTodaysControl() {
        var outlook = TargetOutlook.pm25(new BigDecimal("45"), List.of(), 365);
        assertThat(outlook.evenControlValue()).isEqualByComparingTo("45");
        assertThat(outlook.meanSoFar()).isNull();
        assertThatThrownBy(() -> TargetOutlook.pm25(new BigDecimal("45"), List.of(), 0)).hasMessageContaining("over");
    }

    @Test
    void aCompositeIndexTargetLeavesPm25WhatTheOtherPollutantsDoNotTake() {
        java.util.Map<org.lantian.standards.Pollutant, java.util.List<BigDecimal>> none = java.util.Map.of();
        var stats = new java.util.EnumMap<org.lantian.standards.Pollutant, BigDecimal>(org.lantian.standards.Pollutant.class);
        stats.put(org.lantian.standards.Pollutant.SO2, new BigDecimal("12"));     // 0.2
        stats.put(org.lantian.standards.Pollutant.NO2, new BigDecimal("32"));     // 0.8
        stats.put(org.lantian.standards.Pollutant.PM10, new BigDecimal("84"));    // 1.2
        stats.put(org.lantian.standards.Pollutant.PM2_5, new BigDecimal("50"));
        stats.put(org.lantian.standards.Pollutant.CO, new BigDecimal("1.6"));     // 0.4
        stats.put(org.lantian.standards.Pollutant.O3, new BigDecimal("176"));     // 1.1
        PeriodSummary soFar = new PeriodSummary(java.time.LocalDate.of(2023, 1, 1), java.time.LocalDate.of(2023, 10, 27),
                stats, java.util.Map.of(), none, 0);
        // others: 3.7; target 5.0 leaves 1.3 × 35 = 45.5 µg/m³ for the year's PM2.5 mean
        var outlook = TargetOutlook.compositeIndex(new BigDecimal("5.0"), soFar, CompositeIndex.Definition.CN2012, days(300, 50), 65);
        assertThat(outlook.otherIndices()).isEqualByComparingTo("3.7");
        assertThat(outlook.pm25Allowance()).isEqualByComparingTo("45.5");
        assertThat(outlook.pm25().target()).isEqualByComparingTo("45.5");
        assertThat(outlook.explanation()).startsWith("综合指数目标 5.0").contains("45.5 μg/m³");
        assertThat(outlook.reachable()).isTrue();

        // a target the other five pollutants already use up
        var spent = TargetOutlook.compositeIndex(new BigDecimal("3.7"), soFar, CompositeIndex.Definition.CN2012, days(300, 50), 65);
        assertThat(spent.reachable()).isFalse();
        assertThat(spent.explanation()).contains("目标已无法实现").doesNotContain("控制值为 0");
    }

    @Test
    void goodDaysStillNeededAndHeavyDaysLeft() {
        // 70 % of 365 = 255.5 → 256 good days
        var good = TargetOutlook.goodDays(new BigDecimal("70.0"), 300, 200, 65);
        assertThat(good.required()).isEqualTo(256);
        assertThat(good.needed()).isEqualTo(56);
        assertThat(good.reachable()).isTrue();
        assertThat(good.explanation()).contains("还需 56 个优良天", "最多可有 9 个超标天");
        assertThat(TargetOutlook.goodDays(new BigDecimal("70.0"), 300, 180, 65).reachable()).isFalse();

        assertThat(TargetOutlook.heavyDays(12, 9)).extracting(h -> h.left(), h -> h.exceeded()).containsExactly(3, false);
        assertThat(TargetOutlook.heavyDays(12, 14).explanation()).contains("已超出 2 天");
    }
}
