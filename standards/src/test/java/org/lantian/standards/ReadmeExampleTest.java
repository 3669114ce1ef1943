package org.lantian.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lantian.standards.aqi.AqiCalculator;
import org.lantian.standards.aqi.AqiLevel;
import org.lantian.standards.aqi.AqiOptions;
import org.lantian.standards.aqi.AqiResult;
import org.lantian.standards.aqi.Indicator;

/** The example in this module's README.md says what the code does. */
class ReadmeExampleTest {

    @Test
    void theRealTimeExampleGivesWhatTheReadmeSays() {
        RuleSet rules = RuleSet.forDate(LocalDate.of(2023, 1, 10));
        Map<Indicator, BigDecimal> hour = Map.of(
                Indicator.SO2_1H, new BigDecimal("12"), Indicator.NO2_1H, new BigDecimal("48"),
                Indicator.PM10_1H, new BigDecimal("130"), Indicator.CO_1H, new BigDecimal("1.2"),
                Indicator.O3_1H, new BigDecimal("20"), Indicator.PM2_5_1H, new BigDecimal("98"));
        AqiResult r = AqiCalculator.realTime(rules, hour, AqiOptions.DEFAULTS);
        assertThat(rules).isEqualTo(RuleSet.CN2012);
        assertThat(r.aqiText()).isEqualTo("129");
        assertThat(r.primary()).containsExactly(Pollutant.PM2_5);
        assertThat(r.level().map(AqiLevel::category)).contains("轻度污染");
        assertThat(AqiCalculator.realTime(RuleSet.CN2026T, hour, AqiOptions.DEFAULTS).aqiText()).isEqualTo("135");
    }

    @Test
    void ruleSetsFollowTheDateOfTheData() {
        assertThat(RuleSet.forDate(LocalDate.of(2026, 2, 28))).isEqualTo(RuleSet.CN2012);
        assertThat(RuleSet.forDate(LocalDate.of(2026, 3, 1))).isEqualTo(RuleSet.CN2026T);
        assertThat(RuleSet.forDate(LocalDate.of(2030, 12, 31))).isEqualTo(RuleSet.CN2026T);
        assertThat(RuleSet.forDate(LocalDate.of(2031, 1, 1))).isEqualTo(RuleSet.CN2026F);
    }
}
