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
    void theAqiIsTheLargestIaqiOfItsReport(@ForAll RuleSet rules, @ForAll @IntRange(min = 0, max = 3000) int so2,
                                           @ForAll @IntRange(min = 0, max = 1000) int no2, @ForAll @IntRange(min = 0, max = 700) int pm10,
                                           @ForAll @IntRange(min = 0, max = 700) int co10, @ForAll @IntRange(min = 0, max = 1300) int o3,
                                           @ForAll @IntRange(min = 0, max = 600) int pm25) {
        java.util.Map<Indicator, BigDecimal> day = java.util.Map.of(Indicator.SO2_24H, BigDecimal.valueOf(so2),
                Indicator.NO2_24H, BigDecimal.valueOf(no2), Indicator.PM10_24H, BigDecimal.valueOf(pm10),
                Indicator.CO_24H, BigDecimal.valueOf(co10, 1), Indicator.O3_8H, BigDecimal.valueOf(o3),
                Indicator.O3_1H, BigDecimal.valueOf(o3), Indicator.PM2_5_24H, BigDecimal.valueOf(pm25));
        AqiResult r = AqiCalculator.daily(rules, day, AqiOptions.DEFAULTS);
        int max = r.iaqis().values().stream().mapToInt(Iaqi::value).max().orElseThrow();
        assertThat(r.aqi()).hasValue(max);
        assertThat(r.primary().isEmpty()).isEqualTo(max <= 50);
        r.primary().forEach(p -> assertThat(r.iaqis().values().stream()
                .anyMatch(i -> i.indicator().pollutant() == p && i.value() == max)).isTrue());
    }

    @Property
    void theIaqiStaysWithinZeroTo500(@ForAll RuleSet rules, @ForAll Indicator indicator,
                                     @ForAll @IntRange(min = 0, max = 100_000) int scaled) {
        int value = IaqiCalculator.of(rules, indicator, concentration(indicator, scaled), i -> BigDecimal.ONE).orElseThrow().value();
        assertThat(value).isBetween(0, 500);
    }
}
