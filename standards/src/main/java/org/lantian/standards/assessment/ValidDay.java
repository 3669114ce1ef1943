package org.lantian.standards.assessment;

import java.util.OptionalInt;

import org.lantian.standards.Pollutant;
import org.lantian.standards.RuleSet;

/**
 * The one rule deciding whether a day counts in valid, good and heavy days (STANDARDS §3.5, decision;
 * docs/valid-days.md). Every figure, page and export counts days through it.
 * <ul>
 *   <li>HJ 633-2012 (CN2012): a day counts only when all six daily indicators are valid (SO2, NO2,
 *       PM10, PM2.5 and CO daily means, O3 MDA8). A partial day keeps its partial AQI for display but
 *       is not counted, unless the office chooses {@link PartialDays#COUNTED}.</li>
 *   <li>HJ 633-2026 (CN2026T/F) §5.3.1: a day counts when its AQI is published: complete, or partial
 *       with an AQI above 100. A partial day at or below 100 is "NA" and does not count.</li>
 * </ul>
 */
public final class ValidDay {

    /** The office's choice for CN2012 partial days; HJ 633-2026 leaves no choice. */
    public enum PartialDays {
        /** The default: only days with all six daily indicators count. */
        NOT_COUNTED,
        /** Days with a daily AQI from fewer than six indicators count too. */
        COUNTED
    }

    private ValidDay() {
    }

    /** Whether all six daily indicators of the day are valid (GB 3095 Table 4). */
    public static boolean complete(DailyValues day) {
        for (Pollutant p : Pollutant.values()) {
            if (p == Pollutant.O3 ? day.o3MaxEightHour().isEmpty() : !day.means().containsKey(p)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The AQI the day counts with, or empty when it does not count.
     *
     * @param rules the rule set of the day
     * @param aqi   the day's daily AQI as published ("NA" is empty)
     */
    public static OptionalInt countedAqi(RuleSet rules, DailyValues day, OptionalInt aqi, PartialDays partialDays) {
        if (aqi.isEmpty()) {
            return aqi;
        }
        if (rules.is2026() || partialDays == PartialDays.COUNTED || complete(day)) {
            return aqi;
        }
        return OptionalInt.empty();
    }
}
