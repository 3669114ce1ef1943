package org.lantian.standards.aqi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantian.standards.RuleSet;

class IaqiCalculatorTest {

    /** One row of the printed table (test resource breakpoints.csv, typed from STANDARDS §1.1). */
    record Row(RuleSet rules, Indicator indicator, int iaqi, BigDecimal concentration) {
    }

    static List<Row> table() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = IaqiCalculatorTest.class.getResourceAsStream("/breakpoints.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",");
                rows.add(new Row(RuleSet.valueOf(f[0]), Indicator.valueOf(f[1]), Integer.parseInt(f[2]), new BigDecimal(f[3])));
            }
        }
        // the 2026 table holds from 2026-03-01 to the end (CN2026F changes limits, not the AQI table);
        // PM 1-hour values are indexed on the 24-hour column
        List<Row> derived = new ArrayList<>();
        for (Row r : rows) {
            if (r.rules == RuleSet.CN2026T) {
                derived.add(new Row(RuleSet.CN2026F, r.indicator, r.iaqi, r.concentration));
            }
        }
        rows.addAll(derived);
        derived.clear();
        for (Row r : rows) {
            if (r.indicator == Indicator.PM10_24H || r.indicator == Indicator.PM2_5_24H) {
                derived.add(new Row(r.rules, r.indicator == Indicator.PM10_24H ? Indicator.PM10_1H : Indicator.PM2_5_1H,
                        r.iaqi, r.concentration));
            }
        }
        rows.addAll(derived);
        return rows;
    }

    static Stream<Arguments> breakpoints() throws IOException {
        return table().stream().map(r -> Arguments.of(r.rules, r.indicator, r.concentration, r.iaqi));
    }

    /** Each segment of each column: its ends and the smallest steps inside it, with the exact expected IAQI. */
    static Stream<Arguments> insideSegments() throws IOException {
        List<Row> rows = table();
        List<Arguments> cases = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            Row lo = rows.get(i - 1);
            Row hi = rows.get(i);
            if (lo.rules != hi.rules || lo.indicator != hi.indicator) {
                continue;
            }
            BigDecimal step = BigDecimal.ONE.movePointLeft(hi.indicator.decimals());
            for (BigDecimal c : List.of(lo.concentration.add(step), hi.concentration.subtract(step),
                    lo.concentration.add(hi.concentration).divide(BigDecimal.valueOf(2), hi.indicator.decimals(), RoundingMode.DOWN))) {
                cases.add(Arguments.of(hi.rules, hi.indicator, c, expected(lo, hi, c)));
            }
        }
        return cases.stream();
    }

    /** The oracle: HJ 633's formula in decimal arithmetic with a ceiling (a different path from the integer code). */
    private static int expected(Row lo, Row hi, BigDecimal c) {
        BigDecimal fraction = c.subtract(lo.concentration).multiply(BigDecimal.valueOf(hi.iaqi - lo.iaqi))
                .divide(hi.concentration.subtract(lo.concentration), 0, RoundingMode.CEILING);
        return lo.iaqi + fraction.intValueExact();
    }

    @ParameterizedTest(name = "{0} {1} at {2} is {3}")
    @MethodSource("breakpoints")
    void everyBreakpointOfEveryTableGivesItsRow(RuleSet rules, Indicator indicator, BigDecimal c, int iaqi) {
        Iaqi result = IaqiCalculator.of(rules, indicator, c);
        assertThat(result.value()).isEqualTo(iaqi);
        assertThat(result.note()).isEqualTo(Iaqi.Note.NONE);
    }

    @ParameterizedTest(name = "{0} {1} at {2} is {3}")
    @MethodSource("insideSegments")
    void betweenBreakpointsTheIaqiIsInterpolatedAndCarriedUp(RuleSet rules, Indicator indicator, BigDecimal c, int iaqi) {
        assertThat(IaqiCalculator.of(rules, indicator, c).value()).isEqualTo(iaqi);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            // binary floating point gives 56, 219, 224, 229 here (STANDARDS §1.3)
            "CN2012, CO_24H, 2.2, 55",
            "CN2012, CO_1H, 65.4, 218",
            "CN2012, CO_1H, 66.9, 223",
            "CN2012, CO_1H, 68.4, 228",
            "CN2026T, CO_24H, 2.2, 55",
            // the errors of a public implementation (STANDARDS §1.11)
            "CN2012, SO2_24H, 51, 51",
            "CN2012, SO2_24H, 300, 124",
            // the PM breakpoints that changed in 2026
            "CN2012, PM2_5_24H, 75, 100",
            "CN2026T, PM2_5_24H, 75, 114",
            "CN2026T, PM2_5_24H, 61, 101",
            "CN2012, PM10_24H, 120, 85",
            "CN2026T, PM10_24H, 121, 101",
            // ceiling: 100.1 → 101, exact integers stay
            "CN2012, PM2_5_24H, 76, 102",
            "CN2012, NO2_24H, 41, 52"})
    void workedExamples(RuleSet rules, Indicator indicator, BigDecimal c, int iaqi) {
        assertThat(IaqiCalculator.of(rules, indicator, c).value()).isEqualTo(iaqi);
    }

    @ParameterizedTest(name = "{1} {2} is read as {3}")
    @CsvSource({
            // GB/T 8170: round half to even, once, on the exact value (STANDARDS §1.4)
            "PM2_5_24H, 74.5, 74, 99",
            "PM2_5_24H, 75.5, 76, 102",
            "PM2_5_24H, 74.51, 75, 100",
            "PM2_5_24H, 167.5, 168, 218",
            "CO_24H, 1.25, 1.2, 30",
            "CO_24H, 1.35, 1.4, 35",
            "CO_24H, 2.451, 2.5, 63",
            "CO_24H, 2.449, 2.4, 60"})
    void concentrationsAreRoundedHalfEvenBeforeIndexing(Indicator indicator, BigDecimal raw, BigDecimal rounded, int iaqi) {
        Iaqi result = IaqiCalculator.of(RuleSet.CN2012, indicator, raw);
        assertThat(result.concentration()).isEqualTo(rounded);
        assertThat(result.value()).isEqualTo(iaqi);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"CN2012", "CN2026T", "CN2026F"})
    void aboveTheTopOfTheTableTheIaqiIsCappedAt500AndFlagged(RuleSet rules) {
        assertThat(IaqiCalculator.of(rules, Indicator.PM2_5_24H, new BigDecimal("500"))).extracting(Iaqi::value, Iaqi::note)
                .containsExactly(500, Iaqi.Note.NONE);
        assertThat(IaqiCalculator.of(rules, Indicator.PM2_5_24H, new BigDecimal("501"))).extracting(Iaqi::value, Iaqi::note)
                .containsExactly(500, Iaqi.Note.OVER_SCALE);
        assertThat(IaqiCalculator.of(rules, Indicator.CO_1H, new BigDecimal("150.1")).note()).isEqualTo(Iaqi.Note.OVER_SCALE);
        assertThat(IaqiCalculator.of(rules, Indicator.CO_1H, new BigDecimal("150.04")).note()).isEqualTo(Iaqi.Note.NONE);
    }

    /** Any finite value has an IAQI: beyond a long's range too (a logger's float maximum), never an exception. */
    @ParameterizedTest
    @CsvSource({"PM2_5_1H, 3.4028235E+38", "PM10_24H, 1E+308", "CO_1H, 9223372036854775808"})
    void aHugeFiniteValueIsOffTheScaleNotAnError(Indicator indicator, String value) {
        for (RuleSet rules : RuleSet.values()) {
            Iaqi iaqi = IaqiCalculator.of(rules, indicator, new BigDecimal(value));
            assertThat(iaqi.value()).isEqualTo(500);
            assertThat(iaqi.note()).isEqualTo(Iaqi.Note.OVER_SCALE);
        }
    }

    @Test
    void so2OneHourAbove800TakesThe24HourValueIn2012And200Since2026() {
        Map<Indicator, BigDecimal> with24h = Map.of(Indicator.SO2_24H, new BigDecimal("100"));
        Iaqi old = IaqiCalculator.of(RuleSet.CN2012, Indicator.SO2_1H, new BigDecimal("801"), with24h::get).orElseThrow();
        assertThat(old).extracting(Iaqi::value, Iaqi::note).containsExactly(75, Iaqi.Note.SO2_1H_ABOVE_800_USES_24H);
        assertThat(IaqiCalculator.of(RuleSet.CN2012, Indicator.SO2_1H, new BigDecimal("801"), i -> null)).isEmpty();
        assertThatThrownBy(() -> IaqiCalculator.of(RuleSet.CN2012, Indicator.SO2_1H, new BigDecimal("801")))
                .hasMessageContaining("SO2_24H");

        assertThat(IaqiCalculator.of(RuleSet.CN2026T, Indicator.SO2_1H, new BigDecimal("801")))
                .extracting(Iaqi::value, Iaqi::note).containsExactly(200, Iaqi.Note.SO2_1H_ABOVE_800_IS_200);
        assertThat(IaqiCalculator.of(RuleSet.CN2026T, Indicator.SO2_1H, new BigDecimal("800.4")).value()).isEqualTo(200);
        assertThat(IaqiCalculator.of(RuleSet.CN2026T, Indicator.SO2_1H, new BigDecimal("800.4")).note()).isEqualTo(Iaqi.Note.NONE);
    }

    @Test
    void o3EightHourAbove800TakesTheOneHourValueIn2012And300Since2026() {
        Map<Indicator, BigDecimal> with1h = Map.of(Indicator.O3_1H, new BigDecimal("900"));
        assertThat(IaqiCalculator.of(RuleSet.CN2012, Indicator.O3_8H, new BigDecimal("801"), with1h::get).orElseThrow())
                .extracting(Iaqi::value, Iaqi::note).containsExactly(350, Iaqi.Note.O3_8H_ABOVE_800_USES_1H);
        assertThat(IaqiCalculator.of(RuleSet.CN2026F, Indicator.O3_8H, new BigDecimal("1500")))
                .extracting(Iaqi::value, Iaqi::note).containsExactly(300, Iaqi.Note.O3_8H_ABOVE_800_IS_300);
    }

    @Test
    void refusesANegativeConcentration() {
        assertThatThrownBy(() -> IaqiCalculator.of(RuleSet.CN2012, Indicator.NO2_1H, new BigDecimal("-1")))
                .hasMessageContaining("negative");
    }
}
