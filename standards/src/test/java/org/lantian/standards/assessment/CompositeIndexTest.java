package org.lantian.standards.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lantian.standards.Pollutant;

class CompositeIndexTest {

    private static Map<Pollutant, BigDecimal> c(String so2, String no2, String pm10, String pm25, String co, String o3) {
        return Pollutant.table(so2, no2, pm10, pm25, co, o3);
    }

    @Test
    void reproducesThePublishedWorkedExample() {
        // STANDARDS §3.1: 21/35 + 39/70 + 9/60 + 15/40 + 192/160 + 0.7/4 = 3.06
        var result = CompositeIndex.compute(c("9", "15", "39", "21", "0.7", "192"), CompositeIndex.Definition.CN2012,
                CompositeIndex.Rounding.SUM_ONCE);
        assertThat(result.total()).isEqualByComparingTo("3.06");
        assertThat(result.singleIndices().get(Pollutant.O3)).isEqualByComparingTo("1.2");
    }

    @Test
    void roundingFirstOrOnceCanDifferInTheSecondDecimal() {
        // 2023 bulletin figures (STANDARDS §3.2): rounded inputs give 4.489 → 4.49
        var bulletin = c("12", "31", "74", "37", "1.4", "168");
        assertThat(CompositeIndex.compute(bulletin, CompositeIndex.Definition.CN2012, CompositeIndex.Rounding.SUM_ONCE).total())
                .isEqualByComparingTo("4.49");
        // unrounded statistics: exact 0.17333 + 0.76 + 0.86286 + 0.86857 + 0.26 + 0.6275 = 3.5523 → 3.55;
        // rounded first: 0.167 + 0.750 + 0.857 + 0.857 + 0.250 + 0.625 = 3.506 → 3.51
        var unrounded = c("10.4", "30.4", "60.4", "30.4", "1.04", "100.4");
        var once = CompositeIndex.compute(unrounded, CompositeIndex.Definition.CN2012, CompositeIndex.Rounding.SUM_ONCE);
        var first = CompositeIndex.compute(unrounded, CompositeIndex.Definition.CN2012, CompositeIndex.Rounding.CONCENTRATIONS_THEN_INDICES);
        assertThat(once.total()).isEqualByComparingTo("3.55");
        assertThat(first.exactTotal()).isEqualByComparingTo("3.506");
        assertThat(first.total()).isEqualByComparingTo("3.51");
        assertThat(first.singleIndices().get(Pollutant.SO2)).isEqualByComparingTo("0.167"); // 10/60 to 3 decimals
        assertThat(first.singleIndices().get(Pollutant.CO)).isEqualByComparingTo("0.250");  // 1.0/4
    }

    @Test
    void theTotalIsRoundedHalfEvenToTwoDecimals() {
        // O3 alone: 0.725·160 = 116 → 0.725 → 0.72; 0.735·160 = 117.6 → 0.735 → 0.74
        var zero = "0";
        assertThat(CompositeIndex.compute(c(zero, zero, zero, zero, zero, "116"), CompositeIndex.Definition.CN2012,
                CompositeIndex.Rounding.SUM_ONCE).total()).isEqualByComparingTo("0.72");
        assertThat(CompositeIndex.compute(c(zero, zero, zero, zero, zero, "117.6"), CompositeIndex.Definition.CN2012,
                CompositeIndex.Rounding.SUM_ONCE).total()).isEqualByComparingTo("0.74");
    }

    @Test
    void the2026VariantsAreConfigurationNotCode() {
        var c = c("9", "15", "39", "21", "0.7", "192");
        var transitional = CompositeIndex.compute(c, CompositeIndex.Definition.CN2026_TRANSITIONAL, CompositeIndex.Rounding.SUM_ONCE);
        // 21/30 + 39/60 + 9/60 + 15/40 + 192/160 + 0.7/4 = 3.25
        assertThat(transitional.total()).isEqualByComparingTo("3.25");
        var weighted = CompositeIndex.compute(c, CompositeIndex.Definition.CN2012_WEIGHTED, CompositeIndex.Rounding.SUM_ONCE);
        // 3·21/35 + 2·15/40 + 39/70 + 9/60 + 0.7/4 + 2·192/160 = 1.8 + 0.75 + 0.5571 + 0.15 + 0.175 + 2.4 = 5.83
        assertThat(weighted.total()).isEqualByComparingTo("5.83");
        assertThat(weighted.definition().name()).isEqualTo("CN2012-weighted");
    }

    @Test
    void needsAllSixPollutants() {
        var five = c("9", "15", "39", "21", "0.7", "192");
        five.remove(Pollutant.CO);
        assertThatThrownBy(() -> CompositeIndex.compute(five, CompositeIndex.Definition.CN2012, CompositeIndex.Rounding.SUM_ONCE))
                .hasMessageContaining("CO");
    }
}
