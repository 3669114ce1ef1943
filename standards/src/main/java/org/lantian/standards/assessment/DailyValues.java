package org.lantian.standards.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.lantian.standards.Pollutant;
import org.lantian.standards.RuleSet;
import org.lantian.standards.aqi.AqiCalculator;
import org.lantian.standards.aqi.AqiOptions;
import org.lantian.standards.aqi.AqiResult;
import org.lantian.standards.aqi.Indicator;

/**
 * One day's statistics of one station: daily means of SO2, NO2, CO, PM10 and PM2.5, the daily maximum
 * 8-hour O3 and maximum 1-hour O3; each absent where the day has too few valid hours (GB 3095 Table 4).
 */
public record DailyValues(LocalDate date, Map<Pollutant, Mean> means, Optional<Mean> o3MaxEightHour,
                          Optional<BigDecimal> o3MaxOneHour) {

    /**
     * @param hours the 24 hourly values of the day for a pollutant (see {@link DailyStatistics} for the
     *              hour-ending layout); an array of nulls where it has none
     */
    public static DailyValues of(LocalDate date, Function<Pollutant, BigDecimal[]> hours) {
        Map<Pollutant, Mean> means = new EnumMap<>(Pollutant.class);
        for (Pollutant p : Pollutant.values()) {
            if (p != Pollutant.O3) {
                DailyStatistics.dailyMean(hours.apply(p)).ifPresent(m -> means.put(p, m));
            }
        }
        BigDecimal[] o3 = hours.apply(Pollutant.O3);
        return new DailyValues(date, Collections.unmodifiableMap(means), DailyStatistics.dailyMaxEightHour(o3),
                DailyStatistics.maxOneHour(o3));
    }

    /**
     * The day's values as the daily AQI takes them: SO2/NO2/CO/PM10/PM2.5 means as X_24H, MDA8 as O3_8H,
     * maximum 1-hour O3 as O3_1H (HJ 633 §5), each exact mean rounded once as §1.4 prescribes.
     */
    public Map<Indicator, BigDecimal> aqiInputs() {
        Map<Indicator, BigDecimal> inputs = new EnumMap<>(Indicator.class);
        means.forEach((p, m) -> inputs.put(Indicator.daily(p), m.rounded(p.decimals())));
        o3MaxEightHour.ifPresent(m -> inputs.put(Indicator.O3_8H, m.rounded(0)));
        o3MaxOneHour.ifPresent(v -> inputs.put(Indicator.O3_1H, v));
        return inputs;
    }

    /**
     * The daily AQI of a sand-and-dust day as the national data publish it: PM10 and PM2.5 set aside
     * ("—") and the AQI and primary pollutant recomputed from the other pollutants (STANDARDS §3.6).
     */
    public AqiResult aqiWithSandDustDeducted(RuleSet rules, AqiOptions options) {
        Map<Indicator, BigDecimal> inputs = aqiInputs();
        inputs.remove(Indicator.PM10_24H);
        inputs.remove(Indicator.PM2_5_24H);
        java.util.Set<Pollutant> setAside = java.util.EnumSet.of(Pollutant.PM10, Pollutant.PM2_5);
        setAside.addAll(options.notMonitored());
        return AqiCalculator.daily(rules, inputs, options.withNotMonitored(setAside));
    }

    /** The daily AQI report of this day. */
    public AqiResult aqi(RuleSet rules, AqiOptions options) {
        return AqiCalculator.daily(rules, aqiInputs(), options);
    }
}
