package org.lantian.standards.aqi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.lantian.standards.RuleSet;

class IaqiProperties {

    private static BigDecimal concentration(Indicator indicator, int scaled) {
        return BigDecimal.valueOf(scaled).movePointLeft(indicator.decimals());
    }

    @Property
    void theIaqiNeverFallsAsTheConcentrationRises(@ForAll RuleSet rules, @ForAll Indicator indicator,
                                                  @ForAll @IntRange(min = 0, max = 5000) int a,
                                                  @ForAll @IntRange(min = 0, max = 5000) int b) {
        int low = Math.min(a, b);
        int high = Math.max(a, b);
        Iaqi lower = IaqiCalculator.of(rules, indicator, concentration(indicator, low), i -> BigDecimal.ZERO).orElseThrow();
        Iaqi higher = IaqiCalculator.of(rules, indicator, concentration(indicator, high), i -> BigDecimal.ZERO).orElseThrow();
        boolean substituted = higher.note() == Iaqi.Note.SO2_1H_ABOVE_800_USES_24H || higher.note() == Iaqi.Note.O3_8H_ABOVE_800_USES_1H;
        if (!substituted) {
            assertThat(higher.value()).isGreaterThanOrEqualTo(lower.value());
        }
    }

    @Property
    void theIaqiStaysWithinZeroTo500(@ForAll RuleSet rules, @ForAll Indicator indicator,
                                     @ForAll @IntRange(min = 0, max = 100_000) int scaled) {
        int value = IaqiCalculator.of(rules, indicator, concentration(indicator, scaled), i -> BigDecimal.ONE).orElseThrow().value();
        assertThat(value).isBetween(0, 500);
    }
}
