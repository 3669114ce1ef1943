package org.lantian.standards.aqi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantian.standards.Pollutant;
import org.lantian.standards.RuleSet;

class AqiCalculatorTest {

    /** Concentrations given as "INDICATOR=value ...". */
    private static Map<Indicator, BigDecimal> values(String text) {
        Map<Indicator, BigDecimal> map = new EnumMap<>(Indicator.class);
        for (String pair : text.trim().split("\\s+")) {
            String[] kv = pair.split("=");
            map.put(Indicator.valueOf(kv[0]), new BigDecimal(kv[1]));
        }
        return map;
    }

    private static final String CLEAN_DAY = "SO2_24H=10 NO2_24H=30 PM10_24H=60 CO_24H=0.8 O3_8H=90 O3_1H=120 PM2_5_24H=40";

    @Test
    void theAqiIsTheHighestIaqiAndItsPollutantIsPrimary() {
        AqiResult r = AqiCalculator.daily(RuleSet.CN2026T, values(CLEAN_DAY), AqiOptions.DEFAULTS);
        // PM2.5 40 → 50 + ceil(50·5/25) = 60; PM10 60 → 50 + ceil(50·10/70) = 58; O3 90 → 45
        assertThat(r.aqi()).hasValue(60);
        assertThat(r.primary()).containsExactly(Pollutant.PM2_5);
        assertThat(r.level()).contains(AqiLevel.II);
        assertThat(r.aboveHundred()).isEmpty();
        assertThat(r.iaqis()).doesNotContainKey(Indicator.O3_1H); // not part of the 2026 daily report
    }

    @Test
    void tiesListEveryPollutantWithTheHighestIaqi() {
        // PM2.5 75 and PM10 150 both index to 100 under the 2012 table
        AqiResult r = AqiCalculator.daily(RuleSet.CN2012,
                values("SO2_24H=10 NO2_24H=30 PM10_24H=150 CO_24H=0.8 O3_8H=90 O3_1H=120 PM2_5_24H=75"), AqiOptions.DEFAULTS);
        assertThat(r.aqi()).hasValue(100);
        assertThat(r.primary()).containsExactlyInAnyOrder(Pollutant.PM10, Pollutant.PM2_5);
    }

    @ParameterizedTest(name = "AQI {0}: primary pollutant listed = {1}")
    @CsvSource({"34, false", "35, false", "36, true"})
    void thereIsNoPrimaryPollutantAtFiftyOrBelow(int pm25, boolean listed) {
        AqiResult r = AqiCalculator.daily(RuleSet.CN2026T,
                values("SO2_24H=5 NO2_24H=10 PM10_24H=20 CO_24H=0.3 O3_8H=40 PM2_5_24H=" + pm25), AqiOptions.DEFAULTS);
        assertThat(r.primary().isEmpty()).isEqualTo(!listed);
    }

    @Test
    void pollutantsAboveOneHundredAreFlagged() {
        AqiResult r = AqiCalculator.daily(RuleSet.CN2026T,
                values("SO2_24H=10 NO2_24H=90 PM10_24H=130 CO_24H=0.8 O3_8H=90 PM2_5_24H=160"), AqiOptions.DEFAULTS);
        assertThat(r.aboveHundred()).containsExactlyInAnyOrder(Pollutant.NO2, Pollutant.PM10, Pollutant.PM2_5);
        assertThat(r.primary()).containsExactly(Pollutant.PM2_5);
        assertThat(r.level()).contains(AqiLevel.V);
    }

    @Test
    void under2026AMissingPollutantMakesAnAqiOfAtMostOneHundredNa() {
        String withoutCo = "SO2_24H=10 NO2_24H=30 PM10_24H=60 O3_8H=90 PM2_5_24H=40";
        AqiResult na = AqiCalculator.daily(RuleSet.CN2026T, values(withoutCo), AqiOptions.DEFAULTS);
        assertThat(na.aqi()).isEmpty();
        assertThat(na.aqiText()).isEqualTo("NA");
        assertThat(na.computedAqi()).hasValue(60);
        assertThat(na.missing()).containsExactly(Indicator.CO_24H);
        assertThat(na.level()).isEmpty();

        AqiResult published = AqiCalculator.daily(RuleSet.CN2026T,
                values("SO2_24H=10 NO2_24H=30 PM10_24H=60 O3_8H=90 PM2_5_24H=80"), AqiOptions.DEFAULTS);
        assertThat(published.aqi()).hasValue(119); // PM2.5 80 → 100 + ceil(50·20/55)
        assertThat(published.missing()).containsExactly(Indicator.CO_24H);

        AqiResult notMonitored = AqiCalculator.daily(RuleSet.CN2026T, values(withoutCo),
                AqiOptions.DEFAULTS.withNotMonitored(Set.of(Pollutant.CO)));
        assertThat(notMonitored.aqi()).hasValue(60);
        assertThat(notMonitored.notMonitored()).containsExactly(Pollutant.CO);
        assertThat(notMonitored.missing()).isEmpty();
    }

    @Test
    void under2012TheAqiOfWhatIsThereIsPublishedAndTheGapsNamed() {
        AqiResult r = AqiCalculator.daily(RuleSet.CN2012,
                values("SO2_24H=10 NO2_24H=30 PM10_24H=60 O3_8H=90 O3_1H=120 PM2_5_24H=40"), AqiOptions.DEFAULTS);
        assertThat(r.aqi()).hasValue(57); // PM2.5 40 → 50 + ceil(50·5/40) on the 2012 table
        assertThat(r.missing()).containsExactly(Indicator.CO_24H);
    }

    @Test
    void the2012DailyReportTakesTheMaximumOneHourOzoneUnlessSwitchedOff() {
        String day = "SO2_24H=10 NO2_24H=30 PM10_24H=60 CO_24H=0.8 O3_8H=150 O3_1H=260 PM2_5_24H=40";
        // O3 1h 260 → 100 + ceil(50·60/100) = 130; O3 8h 150 → 50 + ceil(50·50/60) = 92
        AqiResult seven = AqiCalculator.daily(RuleSet.CN2012, values(day), AqiOptions.DEFAULTS);
        assertThat(seven.aqi()).hasValue(130);
        assertThat(seven.primary()).containsExactly(Pollutant.O3);
        AqiResult six = AqiCalculator.daily(RuleSet.CN2012, values(day), AqiOptions.DEFAULTS.withDailyO3MaxOneHour(false));
        assertThat(six.aqi()).hasValue(92);
        assertThat(AqiCalculator.daily(RuleSet.CN2026T, values(day), AqiOptions.DEFAULTS).aqi()).hasValue(92);
    }

    @Test
    void theRealTimeReportIndexesOneHourPmOnTheDailyBreakpoints() {
        String hour = "SO2_1H=20 NO2_1H=60 PM10_1H=100 CO_1H=1.0 O3_1H=50 PM2_5_1H=75 PM2_5_24H=30 PM10_24H=40 O3_8H=40";
        AqiResult published = AqiCalculator.realTime(RuleSet.CN2012, values(hour), AqiOptions.DEFAULTS);
        assertThat(published.aqi()).hasValue(100);
        assertThat(published.iaqis()).containsOnlyKeys(Indicator.SO2_1H, Indicator.NO2_1H, Indicator.PM10_1H,
                Indicator.CO_1H, Indicator.O3_1H, Indicator.PM2_5_1H);
        assertThat(AqiCalculator.realTime(RuleSet.CN2026T, values(hour), AqiOptions.DEFAULTS).aqi()).hasValue(114);

        AqiResult nine = AqiCalculator.realTime(RuleSet.CN2012, values(hour), AqiOptions.DEFAULTS.withRealTimeNineIndicators(true));
        assertThat(nine.iaqis()).hasSize(9);
        assertThat(nine.aqi()).hasValue(100);
    }

    @Test
    void under2012AnSo2HourAbove800IsIndexedByTheDayAndOtherwiseMissing() {
        String hour = "SO2_1H=900 NO2_1H=60 PM10_1H=100 CO_1H=1.0 O3_1H=50 PM2_5_1H=30";
        AqiResult withoutDay = AqiCalculator.realTime(RuleSet.CN2012, values(hour), AqiOptions.DEFAULTS);
        assertThat(withoutDay.missing()).containsExactly(Indicator.SO2_1H);
        AqiResult withDay = AqiCalculator.realTime(RuleSet.CN2012, values(hour + " SO2_24H=500"), AqiOptions.DEFAULTS);
        assertThat(withDay.iaqis().get(Indicator.SO2_1H).note()).isEqualTo(Iaqi.Note.SO2_1H_ABOVE_800_USES_24H);
        assertThat(withDay.aqi()).hasValue(154); // SO2 24h 500 → 150 + ceil(50·25/325) = 154
        assertThat(AqiCalculator.realTime(RuleSet.CN2026T, values(hour), AqiOptions.DEFAULTS).aqi()).hasValue(200);
    }

    @Test
    void anAllZeroHourIsFlaggedUnder2026() {
        String zero = "SO2_1H=0 NO2_1H=0 PM10_1H=0 CO_1H=0 O3_1H=0 PM2_5_1H=0";
        assertThat(AqiCalculator.realTime(RuleSet.CN2026T, values(zero), AqiOptions.DEFAULTS).belowRangeOf2026()).isTrue();
        assertThat(AqiCalculator.realTime(RuleSet.CN2012, values(zero), AqiOptions.DEFAULTS).belowRangeOf2026()).isFalse();
    }

    @ParameterizedTest(name = "AQI {0} is level {1}")
    @CsvSource({"0, I", "50, I", "51, II", "100, II", "101, III", "150, III", "151, IV", "200, IV", "201, V", "300, V",
            "301, VI", "500, VI"})
    void levelsChangeAtTheirBoundaries(int aqi, AqiLevel level) {
        assertThat(AqiLevel.of(aqi)).isEqualTo(level);
    }

    @Test
    void levelsCarryTheColoursAndWordingOfTheStandard() {
        assertThat(AqiLevel.I.colourHex()).isEqualTo("#00E400");
        assertThat(AqiLevel.II.colourHex()).isEqualTo("#FFFF00");
        assertThat(AqiLevel.III.colourHex()).isEqualTo("#FF7E00");
        assertThat(AqiLevel.IV.colourHex()).isEqualTo("#FF0000");
        assertThat(AqiLevel.V.colourHex()).isEqualTo("#99004C");
        assertThat(AqiLevel.VI.colourHex()).isEqualTo("#7E0023");
        assertThat(AqiLevel.V.category()).isEqualTo("重度污染");
        assertThat(AqiLevel.III.advice(RuleSet.CN2012)).startsWith("儿童、老年人及心脏病");
        assertThat(AqiLevel.III.advice(RuleSet.CN2026T)).startsWith("青少年和儿童、老年人及心血管疾病");
    }
}
