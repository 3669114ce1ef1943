package org.lantian.standards.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class RankingAndRatesTest {

    @Test
    void ranksAscendingWithTiesSharingARank() {
        Map<String, BigDecimal> index = new LinkedHashMap<>();
        index.put("邯山区", new BigDecimal("5.10"));
        index.put("丛台区", new BigDecimal("4.80"));
        index.put("复兴区", new BigDecimal("5.10"));
        index.put("涉县", new BigDecimal("3.90"));
        index.put("武安市", new BigDecimal("5.50"));
        assertThat(Ranking.ascending(index)).extracting(r -> r.key() + " " + r.rank())
                .containsExactly("涉县 1", "丛台区 2", "邯山区 3", "复兴区 3", "武安市 5");
    }

    @Test
    void theChangeRateIsPositiveWhenWorseAndTheImprovementRateItsOpposite() {
        assertThat(ChangeRate.percent(new BigDecimal("4.40"), new BigDecimal("4.00")).orElseThrow()).isEqualByComparingTo("10");
        assertThat(ChangeRate.improvementPercent(new BigDecimal("3.80"), new BigDecimal("4.00")).orElseThrow()).isEqualByComparingTo("5");
        assertThat(ChangeRate.percent(BigDecimal.ONE, BigDecimal.ZERO)).isEmpty();
    }

    private static DayCounts.Day day(int dayOfMonth, Integer aqi, boolean sand) {
        return new DayCounts.Day(LocalDate.of(2023, 3, dayOfMonth), aqi == null ? OptionalInt.empty() : OptionalInt.of(aqi), sand);
    }

    @Test
    void countsGoodAndHeavyDaysRawAndWithSandDaysDeducted() {
        List<DayCounts.Day> days = List.of(day(1, 50, false), day(2, 100, false), day(3, 101, false), day(4, 201, false),
                day(5, 301, false), day(6, null, false), day(7, 350, true), day(8, 80, true));
        DayCounts raw = DayCounts.of(days, false);
        assertThat(raw).isEqualTo(new DayCounts(7, 3, 3, 2));
        assertThat(raw.goodDayRatio()).contains(new BigDecimal("42.9"));
        DayCounts deducted = DayCounts.of(days, true);
        assertThat(deducted).isEqualTo(new DayCounts(6, 3, 2, 1));
        assertThat(deducted.goodDayRatio()).contains(new BigDecimal("50.0"));
        assertThat(DayCounts.of(List.of(), false).goodDayRatio()).isEmpty();
    }

    @Test
    void anAnnualMeanNeeds324DaysAnd27EachMonthAnd25InFebruary() {
        List<YearMonth> year = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            year.add(YearMonth.of(2023, m));
        }
        List<LocalDate> dates = new ArrayList<>();
        for (YearMonth m : year) {
            for (int d = 1; d <= PeriodValidity.minimumDays(m); d++) {
                dates.add(m.atDay(d));
            }
        }
        // 11·27 + 25 = 322 < 324: every month complete, the year not
        PeriodValidity minimal = PeriodValidity.of(year, dates);
        assertThat(minimal.validDays()).isEqualTo(322);
        assertThat(minimal.monthsComplete()).isTrue();
        assertThat(minimal.annualRuleMet()).isFalse();
        dates.add(LocalDate.of(2023, 1, 28));
        dates.add(LocalDate.of(2023, 3, 28));
        assertThat(PeriodValidity.of(year, dates).annualRuleMet()).isTrue();
        dates.remove(LocalDate.of(2023, 2, 1));
        PeriodValidity shortFebruary = PeriodValidity.of(year, dates);
        assertThat(shortFebruary.annualRuleMet()).isFalse();
        assertThat(shortFebruary.incompleteMonths()).containsEntry(YearMonth.of(2023, 2), 24);
    }
}
