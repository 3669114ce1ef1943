package org.lantian.standards.aqi;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;

import org.lantian.standards.Gbt8170;
import org.lantian.standards.RuleSet;

/**
 * IAQI by HJ 633: round the concentration (GB/T 8170), find its segment of the breakpoint table,
 * interpolate, and carry the result up to an integer — in exact integer arithmetic, since binary floating
 * point gets the ceiling wrong (CO 24h 2.2 mg/m³ is IAQI 55, not 56: STANDARDS §1.3).
 *
 * <pre>{@code
 * IaqiCalculator.of(RuleSet.CN2026T, Indicator.PM2_5_24H, new BigDecimal("75")).value()  // 114
 * }</pre>
 */
public final class IaqiCalculator {

    private IaqiCalculator() {
    }

    /**
     * The IAQI of one concentration.
     *
     * @throws IllegalArgumentException for a negative concentration, or when HJ 633-2012 asks for the
     *                                  companion value (SO2 1h or O3 8h above 800): use {@link #of(RuleSet, Indicator, BigDecimal, Function)}
     */
    public static Iaqi of(RuleSet rules, Indicator indicator, BigDecimal concentration) {
        return of(rules, indicator, concentration, other -> null).orElseThrow(() -> new IllegalArgumentException(
                indicator + " " + concentration + " under " + rules + " takes the IAQI of "
                        + companion(indicator) + ", which was not given"));
    }

    /**
     * The IAQI of one concentration, with the companion values HJ 633-2012 substitutes above 800 µg/m³:
     * SO2 24h for SO2 1h, O3 1h for O3 8h ({@code companions} returns null when it has none).
     *
     * @return empty only when a needed companion is missing
     */
    public static Optional<Iaqi> of(RuleSet rules, Indicator indicator, BigDecimal concentration,
                                    Function<Indicator, BigDecimal> companions) {
        if (concentration.signum() < 0) {
            throw new IllegalArgumentException(indicator + ": negative concentration " + concentration);
        }
        BigDecimal rounded = Gbt8170.round(concentration, indicator.decimals());
        long[] column = BreakpointTable.column(rules, indicator);
        long top = column[column.length - 1];
        // compared as decimals first: any finite value is taken, however far beyond a long it lies
        if (rounded.compareTo(BigDecimal.valueOf(top, indicator.decimals())) <= 0) {
            long scaled = rounded.movePointRight(indicator.decimals()).longValueExact();
            return Optional.of(new Iaqi(indicator, rounded, interpolate(column, scaled), Iaqi.Note.NONE));
        }
        if (indicator == Indicator.SO2_1H || indicator == Indicator.O3_8H) {
            return aboveSpecialLimit(rules, indicator, rounded, companions);
        }
        return Optional.of(new Iaqi(indicator, rounded, 500, Iaqi.Note.OVER_SCALE)); // STANDARDS §1.9
    }

    /** STANDARDS §1.1 footnotes (2), (3), b, c; top == 800 for both columns. */
    private static Optional<Iaqi> aboveSpecialLimit(RuleSet rules, Indicator indicator, BigDecimal rounded,
                                                    Function<Indicator, BigDecimal> companions) {
        boolean so2 = indicator == Indicator.SO2_1H;
        if (rules.is2026()) {
            return Optional.of(new Iaqi(indicator, rounded, so2 ? 200 : 300,
                    so2 ? Iaqi.Note.SO2_1H_ABOVE_800_IS_200 : Iaqi.Note.O3_8H_ABOVE_800_IS_300));
        }
        BigDecimal companion = companions.apply(companion(indicator));
        if (companion == null) {
            return Optional.empty();
        }
        Iaqi substitute = of(rules, companion(indicator), companion);
        return Optional.of(new Iaqi(indicator, rounded, substitute.value(),
                so2 ? Iaqi.Note.SO2_1H_ABOVE_800_USES_24H : Iaqi.Note.O3_8H_ABOVE_800_USES_1H));
    }

    private static Indicator companion(Indicator indicator) {
        return indicator == Indicator.SO2_1H ? Indicator.SO2_24H : Indicator.O3_1H;
    }

    /**
     * STANDARDS §1.2: the segment with BP_Lo &lt; C ≤ BP_Hi (0 ≤ C ≤ first breakpoint for the first),
     * IAQI_Lo + ceil((IAQI_Hi − IAQI_Lo)(C − BP_Lo) / (BP_Hi − BP_Lo)).
     */
    static int interpolate(long[] column, long scaled) {
        int hi = 1;
        while (scaled > column[hi]) {
            hi++;
        }
        int lo = hi - 1;
        long numerator = (long) (BreakpointTable.IAQI[hi] - BreakpointTable.IAQI[lo]) * (scaled - column[lo]);
        long denominator = column[hi] - column[lo];
        return BreakpointTable.IAQI[lo] + (int) -Math.floorDiv(-numerator, denominator); // ceiling; Math.ceilDiv is Java 18
    }
}
