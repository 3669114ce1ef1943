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
    void withNoDaysYetTheWholeTargetIsTodaysControl() {
        var outlook = TargetOutlook.pm25(new BigDecimal("45"), List.of(), 365);
        assertThat(outlook.evenControlValue()).isEqualByComparingTo("45");
        assertThat(outlook.meanSoFar()).isNull();
        assertThatThrownBy(() -> TargetOutlook.pm25(new BigDecimal("45"), List.of(), 0)).hasMessageContaining("over");
    }

    @Test
    void goodDaysStillNeededAndHeavyDaysLeft() {
        // 70 % of 365 = 255.5 → 256 good days
        var good = TargetOutlook.goodDays(new BigDecimal("70.0"), 365, 200, 65);
        assertThat(good.required()).isEqualTo(256);
        assertThat(good.needed()).isEqualTo(56);
        assertThat(good.reachable()).isTrue();
        assertThat(good.explanation()).contains("还需 56 个优良天", "最多可有 9 个超标天");
        assertThat(TargetOutlook.goodDays(new BigDecimal("70.0"), 365, 180, 65).reachable()).isFalse();

        assertThat(TargetOutlook.heavyDays(12, 9)).extracting(h -> h.left(), h -> h.exceeded()).containsExactly(3, false);
        assertThat(TargetOutlook.heavyDays(12, 14).explanation()).contains("已超出 2 天");
    }
}
