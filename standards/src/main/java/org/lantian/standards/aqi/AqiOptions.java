package org.lantian.standards.aqi;

import java.util.EnumSet;
import java.util.Set;

import org.lantian.standards.Pollutant;

/**
 * The open points of HJ 633 that the office decides (STANDARDS §1.5, §1.8), with recommended defaults.
 *
 * @param realTimeNineIndicators  CN2012 only: the real-time AQI also takes the O3 8-hour and PM 24-hour
 *                                moving averages (the 9-indicator reading of the text). Default false:
 *                                the national network's published practice, the six 1-hour values.
 * @param dailyIncludesO3MaxOneHour CN2012 only: the daily AQI also takes the day's maximum 1-hour O3
 *                                (7 indicators, the reading STANDARDS §1.5 recommends). Default true.
 * @param notMonitored            pollutants the monitoring plan does not measure and that were not primary
 *                                on a lightly-polluted-or-worse day in the last three years: their absence
 *                                does not make the AQI "NA" (HJ 633-2026 §5.3.2; shown as "/")
 */
public record AqiOptions(boolean realTimeNineIndicators, boolean dailyIncludesO3MaxOneHour, Set<Pollutant> notMonitored) {

    public static final AqiOptions DEFAULTS = new AqiOptions(false, true, Set.of());

    public AqiOptions {
        notMonitored = notMonitored.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(notMonitored));
    }

    public AqiOptions withRealTimeNineIndicators(boolean nine) {
        return new AqiOptions(nine, dailyIncludesO3MaxOneHour, notMonitored);
    }

    public AqiOptions withDailyO3MaxOneHour(boolean include) {
        return new AqiOptions(realTimeNineIndicators, include, notMonitored);
    }

    public AqiOptions withNotMonitored(Set<Pollutant> pollutants) {
        return new AqiOptions(realTimeNineIndicators, dailyIncludesO3MaxOneHour, pollutants);
    }
}
