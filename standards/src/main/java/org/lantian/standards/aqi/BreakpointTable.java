package org.lantian.standards.aqi;

import java.util.EnumMap;
import java.util.Map;

import org.lantian.standards.RuleSet;

/**
 * The IAQI breakpoint tables, concentrations scaled to whole numbers (CO in 0.1 mg/m³, the rest in
 * µg/m³) so that interpolation is exact integer arithmetic (STANDARDS §1.3).
 */
final class BreakpointTable {

    /** The IAQI rows of both tables. */
    static final int[] IAQI = {0, 50, 100, 150, 200, 300, 400, 500};

    private static final Map<Indicator, long[]> CN2012 = new EnumMap<>(Indicator.class);
    private static final Map<Indicator, long[]> CN2026 = new EnumMap<>(Indicator.class);

    static {
        // HJ 633-2012 Table 1 (STANDARDS §1.1). A column that stops early ends where the table has a footnote.
        CN2012.put(Indicator.SO2_24H, new long[] {0, 50, 150, 475, 800, 1600, 2100, 2620});
        CN2012.put(Indicator.SO2_1H, new long[] {0, 150, 500, 650, 800});
        CN2012.put(Indicator.NO2_24H, new long[] {0, 40, 80, 180, 280, 565, 750, 940});
        CN2012.put(Indicator.NO2_1H, new long[] {0, 100, 200, 700, 1200, 2340, 3090, 3840});
        CN2012.put(Indicator.PM10_24H, new long[] {0, 50, 150, 250, 350, 420, 500, 600});
        CN2012.put(Indicator.CO_24H, new long[] {0, 20, 40, 140, 240, 360, 480, 600});
        CN2012.put(Indicator.CO_1H, new long[] {0, 50, 100, 350, 600, 900, 1200, 1500});
        CN2012.put(Indicator.O3_1H, new long[] {0, 160, 200, 300, 400, 800, 1000, 1200});
        CN2012.put(Indicator.O3_8H, new long[] {0, 100, 160, 215, 265, 800});
        CN2012.put(Indicator.PM2_5_24H, new long[] {0, 35, 75, 115, 150, 250, 350, 500});
        CN2012.put(Indicator.PM10_1H, CN2012.get(Indicator.PM10_24H));
        CN2012.put(Indicator.PM2_5_1H, CN2012.get(Indicator.PM2_5_24H));

        // HJ 633-2026 Table 3: as 2012 except PM10 and PM2.5 at IAQI 100 (120 and 60).
        CN2026.putAll(CN2012);
        CN2026.put(Indicator.PM10_24H, new long[] {0, 50, 120, 250, 350, 420, 500, 600});
        CN2026.put(Indicator.PM2_5_24H, new long[] {0, 35, 60, 115, 150, 250, 350, 500});
        CN2026.put(Indicator.PM10_1H, CN2026.get(Indicator.PM10_24H));
        CN2026.put(Indicator.PM2_5_1H, CN2026.get(Indicator.PM2_5_24H));
    }

    private BreakpointTable() {
    }

    /** The scaled breakpoints of an indicator's column; index i pairs with {@code IAQI[i]}. */
    static long[] column(RuleSet rules, Indicator indicator) {
        return (rules.is2026() ? CN2026 : CN2012).get(indicator);
    }
}
