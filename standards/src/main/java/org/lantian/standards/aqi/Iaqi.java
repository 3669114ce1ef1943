package org.lantian.standards.aqi;

import java.math.BigDecimal;

/**
 * An individual air quality index (IAQI) of one indicator.
 *
 * @param indicator     the indicator the value belongs to
 * @param concentration the concentration it was computed from, rounded as HJ 633 prescribes
 * @param value         the IAQI, an integer carried upward (ceiling), 0–500
 * @param note          how a special rule above the tables shaped the value, if one did
 */
public record Iaqi(Indicator indicator, BigDecimal concentration, int value, Note note) {

    /** The special cases of HJ 633 (STANDARDS §1.1, §1.9). */
    public enum Note {
        NONE,
        /** Above the top breakpoint: the IAQI is capped at 500 (爆表). */
        OVER_SCALE,
        /** HJ 633-2012: SO2 1h above 800 µg/m³; the SO2 sub-index is the one of the 24-hour value. */
        SO2_1H_ABOVE_800_USES_24H,
        /** HJ 633-2026: SO2 1h above 800 µg/m³; the IAQI is taken as 200. */
        SO2_1H_ABOVE_800_IS_200,
        /** HJ 633-2012: O3 8h above 800 µg/m³; the O3 sub-index is the one of the 1-hour value. */
        O3_8H_ABOVE_800_USES_1H,
        /** HJ 633-2026: O3 8h above 800 µg/m³; the IAQI is taken as 300. */
        O3_8H_ABOVE_800_IS_300
    }

    /** Above 100: the pollutant exceeds the grade II limit (the 2012 "超标污染物"; a display flag since 2026). */
    public boolean aboveHundred() {
        return value > 100;
    }
}
