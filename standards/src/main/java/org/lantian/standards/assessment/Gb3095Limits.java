package org.lantian.standards.assessment;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import org.lantian.standards.Pollutant;
import org.lantian.standards.RuleSet;

/**
 * The grade II limits of GB 3095 that annual attainment is judged against (STANDARDS §2.1); grade II
 * applies to Handan's urban areas. Annual limits exist for SO2, NO2, PM10 and PM2.5 only.
 */
public final class Gb3095Limits {

    private static final Map<RuleSet, Map<Pollutant, BigDecimal>> ANNUAL = new EnumMap<>(RuleSet.class);
    private static final Map<RuleSet, Map<Pollutant, BigDecimal>> DAILY = new EnumMap<>(RuleSet.class);

    static {
        ANNUAL.put(RuleSet.CN2012, limits("60", "40", "70", "35", null, null));
        DAILY.put(RuleSet.CN2012, limits("150", "80", "150", "75", "4", "160"));
        ANNUAL.put(RuleSet.CN2026T, limits("60", "40", "60", "30", null, null));
        DAILY.put(RuleSet.CN2026T, limits("150", "80", "120", "60", "4", "160"));
        ANNUAL.put(RuleSet.CN2026F, limits("20", "30", "50", "25", null, null));
        DAILY.put(RuleSet.CN2026F, limits("50", "50", "100", "50", "4", "160"));
    }

    private Gb3095Limits() {
    }

    /** The grade II annual limit, or null for CO and O3, which have none. */
    public static BigDecimal annual(RuleSet rules, Pollutant pollutant) {
        return ANNUAL.get(rules).get(pollutant);
    }

    /** The grade II daily limit (24-hour mean; for O3 the daily maximum 8-hour mean). */
    public static BigDecimal daily(RuleSet rules, Pollutant pollutant) {
        return DAILY.get(rules).get(pollutant);
    }

    private static Map<Pollutant, BigDecimal> limits(String so2, String no2, String pm10, String pm25, String co, String o3) {
        return Pollutant.table(so2, no2, pm10, pm25, co, o3);
    }
}
