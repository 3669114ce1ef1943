package org.lantian.standards.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.lantian.standards.Pollutant;
import org.lantian.standards.RuleSet;
import org.lantian.standards.aqi.AqiOptions;
import org.lantian.standards.aqi.AqiResult;

/** The valid-day rule at its edges under both generations (STANDARDS §3.5, docs/valid-days.md). */
class ValidDayTest {

    private static final LocalDate DAY = LocalDate.of(2025, 6, 1);

    /** A day whose pollutants have {@code hours} valid hours each (24 when absent), at constant values. */
    private static DailyValues day(Map<Pollutant, Integer> hours, String pm10) {
        Map<Pollutant, String> value = new EnumMap<>(Map.of(Pollutant.SO2, "8", Pollutant.NO2, "30", Pollutant.PM10, pm10,
                Pollutant.PM2_5, "20", Pollutant.CO, "0.6", Pollutant.O3, "60"));
        return DailyValues.of(DAY, p -> {
            BigDecimal[] day = new BigDecimal[24];
            int valid = hours.getOrDefault(p, 24);
            for (int h = 0; h < valid; h++) {
                day[h] = new BigDecimal(value.get(p));
            }
            return day;
        });
    }

    private static OptionalInt counted(RuleSet rules, DailyValues day, ValidDay.PartialDays partial) {
        return ValidDay.countedAqi(rules, day, day.aqi(rules, AqiOptions.DEFAULTS).aqi(), partial);
    }

    @Test
    void aDayIsCompleteWithTwentyHoursOfEveryPollutantAndNotWithNineteen() {
        assertThat(ValidDay.complete(day(Map.of(), "40"))).isTrue();
        assertThat(ValidDay.complete(day(Map.of(Pollutant.PM2_5, 20), "40"))).isTrue();
        assertThat(ValidDay.complete(day(Map.of(Pollutant.PM2_5, 19), "40"))).isFalse();
        assertThat(ValidDay.complete(day(Map.of(Pollutant.O3, 0), "40"))).isFalse();
        assertThat(ValidDay.complete(day(Map.of(Pollutant.CO, 19), "40"))).isFalse();
    }

    @Test
    void underHj633Of2012APartialDayShowsItsAqiButCountsOnlyWhenTheOfficeSaysSo() {
        DailyValues partial = day(Map.of(Pollutant.PM2_5, 19), "40");
        AqiResult shown = partial.aqi(RuleSet.CN2012, AqiOptions.DEFAULTS);
        assertThat(shown.aqi()).isPresent();
        assertThat(counted(RuleSet.CN2012, partial, ValidDay.PartialDays.NOT_COUNTED)).isEmpty();
        assertThat(counted(RuleSet.CN2012, partial, ValidDay.PartialDays.COUNTED)).isEqualTo(shown.aqi());
        DailyValues complete = day(Map.of(Pollutant.PM2_5, 20), "40");
        assertThat(counted(RuleSet.CN2012, complete, ValidDay.PartialDays.NOT_COUNTED)).isPresent();
        // a partial day above 100 under 2012 is still partial
        assertThat(counted(RuleSet.CN2012, day(Map.of(Pollutant.PM2_5, 19), "400"), ValidDay.PartialDays.NOT_COUNTED)).isEmpty();
    }

    @Test
    void underHj633Of2026APartialDayCountsExactlyWhenItsAqiIsAbove100AndAnNaDayHasNoPrimaryPollutant() {
        // PM10 24h 120 µg/m³ is IAQI 100 in the 2026 table, 121 is 101
        DailyValues at100 = day(Map.of(Pollutant.PM2_5, 19), "120");
        AqiResult na = at100.aqi(RuleSet.CN2026T, AqiOptions.DEFAULTS);
        assertThat(na.aqi()).isEmpty();
        assertThat(na.computedAqi()).hasValue(100);
        assertThat(na.primary()).isEmpty();
        assertThat(counted(RuleSet.CN2026T, at100, ValidDay.PartialDays.COUNTED)).isEmpty();

        DailyValues at101 = day(Map.of(Pollutant.PM2_5, 19), "121");
        AqiResult published = at101.aqi(RuleSet.CN2026T, AqiOptions.DEFAULTS);
        assertThat(published.aqi()).hasValue(101);
        assertThat(published.primary()).containsExactly(Pollutant.PM10);
        assertThat(counted(RuleSet.CN2026T, at101, ValidDay.PartialDays.NOT_COUNTED)).hasValue(101);
        assertThat(counted(RuleSet.CN2026F, at101, ValidDay.PartialDays.NOT_COUNTED)).hasValue(101);

        DailyValues complete = day(Map.of(), "120");
        assertThat(counted(RuleSet.CN2026T, complete, ValidDay.PartialDays.NOT_COUNTED)).hasValue(100);
    }

    @Test
    void dayCountsTakeOnlyCountedDays() {
        List<DailyValues> days = List.of(day(Map.of(), "40"), day(Map.of(Pollutant.PM2_5, 19), "40"), day(Map.of(), "400"));
        DayCounts counts = DayCounts.of(days.stream().map(d -> new DayCounts.Day(d.date(),
                counted(RuleSet.CN2012, d, ValidDay.PartialDays.NOT_COUNTED), false)).toList(), false);
        assertThat(counts).isEqualTo(new DayCounts(2, 1, 1, 0));
    }
}
