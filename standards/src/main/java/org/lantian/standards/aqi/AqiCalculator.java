package org.lantian.standards.aqi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.lantian.standards.Pollutant;
import org.lantian.standards.RuleSet;

/**
 * Real-time and daily AQI reports by HJ 633 (STANDARDS §1.5–1.8).
 *
 * <pre>{@code
 * Map<Indicator, BigDecimal> day = Map.of(Indicator.PM2_5_24H, new BigDecimal("80"), ...);
 * AqiResult r = AqiCalculator.daily(RuleSet.CN2026T, day, AqiOptions.DEFAULTS);
 * r.aqiText(); r.primary(); r.level().map(AqiLevel::category);
 * }</pre>
 * Concentrations are the statistics of the report's period (1-hour values, or the day's means, MDA8 and
 * maximum 1-hour O3), unrounded or rounded: they are rounded here as the standard prescribes.
 */
public final class AqiCalculator {

    private static final List<Indicator> REAL_TIME_SIX = List.of(Indicator.SO2_1H, Indicator.NO2_1H, Indicator.PM10_1H,
            Indicator.CO_1H, Indicator.O3_1H, Indicator.PM2_5_1H);
    private static final List<Indicator> REAL_TIME_NINE_EXTRA = List.of(Indicator.O3_8H, Indicator.PM10_24H,
            Indicator.PM2_5_24H);
    private static final List<Indicator> DAILY_SIX = List.of(Indicator.SO2_24H, Indicator.NO2_24H, Indicator.PM10_24H,
            Indicator.CO_24H, Indicator.O3_8H, Indicator.PM2_5_24H);

    private AqiCalculator() {
    }

    /** The indicators a report is made of under a rule set and options. */
    public static List<Indicator> indicators(RuleSet rules, AqiResult.Report report, AqiOptions options) {
        List<Indicator> indicators = new ArrayList<>(report == AqiResult.Report.REAL_TIME ? REAL_TIME_SIX : DAILY_SIX);
        if (!rules.is2026()) {
            if (report == AqiResult.Report.REAL_TIME && options.realTimeNineIndicators()) {
                indicators.addAll(REAL_TIME_NINE_EXTRA);
            }
            if (report == AqiResult.Report.DAILY && options.dailyIncludesO3MaxOneHour()) {
                indicators.add(Indicator.O3_1H);
            }
        }
        return indicators;
    }

    /**
     * The real-time report of one hour. {@code concentrations} holds the hour's 1-hour values; for the
     * CN2012 nine-indicator option also O3_8H and the PM 24-hour moving means; under CN2012 SO2_24H is used
     * when SO2 1h is above 800.
     */
    public static AqiResult realTime(RuleSet rules, Map<Indicator, BigDecimal> concentrations, AqiOptions options) {
        return report(rules, AqiResult.Report.REAL_TIME, concentrations, options);
    }

    /** The daily report of one calendar day: daily means, MDA8 as O3_8H and (CN2012) maximum 1-hour O3 as O3_1H. */
    public static AqiResult daily(RuleSet rules, Map<Indicator, BigDecimal> concentrations, AqiOptions options) {
        return report(rules, AqiResult.Report.DAILY, concentrations, options);
    }

    private static AqiResult report(RuleSet rules, AqiResult.Report report, Map<Indicator, BigDecimal> concentrations,
                                    AqiOptions options) {
        Map<Indicator, Iaqi> iaqis = new EnumMap<>(Indicator.class);
        Set<Indicator> missing = EnumSet.noneOf(Indicator.class);
        Set<Pollutant> notMonitored = EnumSet.noneOf(Pollutant.class);
        for (Indicator indicator : indicators(rules, report, options)) {
            BigDecimal c = concentrations.get(indicator);
            Optional<Iaqi> iaqi = c == null ? Optional.empty() : IaqiCalculator.of(rules, indicator, c, concentrations::get);
            if (iaqi.isPresent()) {
                iaqis.put(indicator, iaqi.get());
            } else if (options.notMonitored().contains(indicator.pollutant())) {
                notMonitored.add(indicator.pollutant());
            } else {
                missing.add(indicator);
            }
        }
        Map<Pollutant, Integer> byPollutant = new EnumMap<>(Pollutant.class);
        iaqis.values().forEach(i -> byPollutant.merge(i.indicator().pollutant(), i.value(), Math::max));
        OptionalInt computed = byPollutant.values().stream().mapToInt(Integer::intValue).max();
        OptionalInt published = publishable(rules, computed, missing);
        List<Pollutant> primary = new ArrayList<>();
        Set<Pollutant> aboveHundred = EnumSet.noneOf(Pollutant.class);
        byPollutant.forEach((pollutant, value) -> {
            // an "NA" report has no primary pollutant (HJ 633-2026 §5.3.1: AQI and related fields NA)
            if (published.isPresent() && computed.getAsInt() > 50 && value == computed.getAsInt()) {
                primary.add(pollutant);
            }
            if (value > 100) {
                aboveHundred.add(pollutant);
            }
        });
        // unmodifiable views, not copies: a report is built thousands of times per station-year
        return new AqiResult(rules, report, options, published, computed, Collections.unmodifiableMap(iaqis),
                Collections.unmodifiableList(primary), Collections.unmodifiableSet(aboveHundred),
                Collections.unmodifiableSet(missing), Collections.unmodifiableSet(notMonitored));
    }

    /**
     * HJ 633-2026 §5.3.1: with a pollutant missing, the AQI of the others is published only when above
     * 100, otherwise "NA". HJ 633-2012 publishes the AQI of what is there and marks the gaps "NA".
     */
    private static OptionalInt publishable(RuleSet rules, OptionalInt computed, Set<Indicator> missing) {
        if (computed.isEmpty() || missing.isEmpty() || !rules.is2026()) {
            return computed;
        }
        return computed.getAsInt() > 100 ? computed : OptionalInt.empty();
    }
}
