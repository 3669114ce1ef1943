package org.lantian.standards.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalInt;

import org.lantian.standards.Gbt8170;

/**
 * Good days and heavy-pollution days of a period (STANDARDS §3.5–3.6).
 *
 * @param validDays  days that count by {@link ValidDay} (STANDARDS §3.5)
 * @param goodDays   days with AQI ≤ 100 (优良)
 * @param heavyDays  days with AQI &gt; 200 (重度及以上)
 * @param severeDays days with AQI &gt; 300 (严重)
 */
public record DayCounts(int validDays, int goodDays, int heavyDays, int severeDays) {

    /**
     * One day: the AQI it counts with ({@link ValidDay#countedAqi}; empty for a day that does not count),
     * and whether it was an officially imported sand-and-dust day.
     */
    public record Day(LocalDate date, OptionalInt aqi, boolean sandDust) {
    }

    /**
     * @param deductSandDust leave out sand-and-dust days that exceeded (AQI &gt; 100): the "excluding sand
     *                       abnormal exceedance days" variant; false for the raw figures
     */
    public static DayCounts of(Collection<Day> days, boolean deductSandDust) {
        int valid = 0;
        int good = 0;
        int heavy = 0;
        int severe = 0;
        for (Day day : days) {
            if (day.aqi().isEmpty()) {
                continue;
            }
            int aqi = day.aqi().getAsInt();
            if (deductSandDust && day.sandDust() && aqi > 100) {
                continue;
            }
            valid++;
            good += aqi <= 100 ? 1 : 0;
            heavy += aqi > 200 ? 1 : 0;
            severe += aqi > 300 ? 1 : 0;
        }
        return new DayCounts(valid, good, heavy, severe);
    }

    /** The good-day ratio in percent, 1 decimal; empty without valid days. */
    public Optional<BigDecimal> goodDayRatio() {
        return validDays == 0 ? Optional.empty()
                : Optional.of(Gbt8170.divide(BigDecimal.valueOf(goodDays * 100L), BigDecimal.valueOf(validDays), 1));
    }

    /** The share of heavy-or-worse days in percent, 1 decimal; empty without valid days. */
    public Optional<BigDecimal> heavyDayRatio() {
        return validDays == 0 ? Optional.empty()
                : Optional.of(Gbt8170.divide(BigDecimal.valueOf(heavyDays * 100L), BigDecimal.valueOf(validDays), 1));
    }
}
