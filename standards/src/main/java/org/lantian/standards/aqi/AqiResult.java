package org.lantian.standards.aqi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.lantian.standards.Pollutant;
import org.lantian.standards.RuleSet;

/**
 * One AQI report (real-time or daily) with everything HJ 633 publishes, and how it was made.
 *
 * @param aqi         the AQI; empty means "NA" (HJ 633-2026 §5.3: a pollutant is missing and the
 *                    AQI of the others is not above 100)
 * @param computedAqi the maximum IAQI of the indicators present, even when {@code aqi} is NA; empty
 *                    when no indicator was present
 * @param iaqis       the IAQI of every indicator present, in indicator order
 * @param primary     the primary pollutants: those with the highest IAQI, all of them on a tie, and only
 *                    when the AQI is above 50 (§1.6)
 * @param aboveHundred pollutants whose IAQI is above 100
 * @param missing     indicators of the report that had no valid value (shown as "NA")
 * @param notMonitored pollutants absent by the monitoring plan (shown as "/")
 */
public record AqiResult(RuleSet rules, Report report, AqiOptions options, OptionalInt aqi, OptionalInt computedAqi,
                        Map<Indicator, Iaqi> iaqis, List<Pollutant> primary, Set<Pollutant> aboveHundred,
                        Set<Indicator> missing, Set<Pollutant> notMonitored) {

    public enum Report {
        /** 实时报: hourly values. */
        REAL_TIME,
        /** 日报: daily values. */
        DAILY
    }

    /** The level of the published AQI; empty when the AQI is "NA". */
    public Optional<AqiLevel> level() {
        return aqi.isPresent() ? Optional.of(AqiLevel.of(aqi.getAsInt())) : Optional.empty();
    }

    /** The AQI as published: the number, or "NA". */
    public String aqiText() {
        return aqi.isPresent() ? Integer.toString(aqi.getAsInt()) : "NA";
    }

    /**
     * HJ 633-2026 gives the AQI range as 1–500 and says nothing of an all-zero hour; such a result is
     * published as computed (0) and flagged here for the office to decide (STANDARDS §1.7, open point 4).
     */
    public boolean belowRangeOf2026() {
        return rules.is2026() && aqi.isPresent() && aqi.getAsInt() == 0;
    }
}
