package org.lantian.standards.assessment;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import org.lantian.standards.Gbt8170;
import org.lantian.standards.Pollutant;

/**
 * The composite air-quality index (环境空气质量综合指数, STANDARDS §3.1): Σ w_i·C_i/S_i over the six
 * pollutants, where C_i is the period mean (SO2, NO2, PM10, PM2.5), the 95th percentile of daily CO or
 * the 90th percentile of daily maximum 8-hour O3, and S_i the definition's denominator.
 *
 * <pre>{@code
 * CompositeIndex.compute(concentrations, CompositeIndex.Definition.CN2012, CompositeIndex.Rounding.SUM_ONCE).total()
 * }</pre>
 */
public final class CompositeIndex {

    private CompositeIndex() {
    }

    /**
     * Denominators and weights of an index, as versioned configuration (STANDARDS §3.1 open point).
     *
     * @param name a stable identifier recorded with every result
     */
    public record Definition(String name, Map<Pollutant, BigDecimal> denominators, Map<Pollutant, BigDecimal> weights) {

        /** The 2012 definition: grade II annual limits for SO2 60, NO2 40, PM10 70, PM2.5 35; CO 4 and O3 160; unweighted. */
        public static final Definition CN2012 = new Definition("CN2012", limits("60", "40", "70", "35", "4", "160"), unweighted());

        /** A 2026 variant seen in practice (no official source found): PM10 60 and PM2.5 30, the transitional annual limits. */
        public static final Definition CN2026_TRANSITIONAL = new Definition("CN2026-transitional",
                limits("60", "40", "60", "30", "4", "160"), unweighted());

        /** A 2026 variant seen in practice (no official source found): the 2012 denominators with PM2.5 ×3, NO2 ×2, O3 ×2. */
        public static final Definition CN2012_WEIGHTED = new Definition("CN2012-weighted",
                limits("60", "40", "70", "35", "4", "160"), weights("1", "2", "1", "3", "1", "2"));

        public Definition {
            denominators = Map.copyOf(denominators);
            weights = Map.copyOf(weights);
            if (!denominators.keySet().containsAll(java.util.EnumSet.allOf(Pollutant.class))) {
                throw new IllegalArgumentException("a definition needs a denominator for each of the six pollutants");
            }
        }

        private static Map<Pollutant, BigDecimal> limits(String so2, String no2, String pm10, String pm25, String co, String o3) {
            return Pollutant.table(so2, no2, pm10, pm25, co, o3);
        }

        private static Map<Pollutant, BigDecimal> weights(String so2, String no2, String pm10, String pm25, String co, String o3) {
            return Pollutant.table(so2, no2, pm10, pm25, co, o3);
        }

        private static Map<Pollutant, BigDecimal> unweighted() {
            return Pollutant.table("1", "1", "1", "1", "1", "1");
        }
    }

    /** The order of rounding (STANDARDS §3.2). */
    public enum Rounding {
        /** Default: single indices and their sum from the unrounded statistics; the sum rounded once to 2 decimals. */
        SUM_ONCE,
        /** Provincial tables: concentrations rounded first (integers, CO 1 decimal), single indices to 3 decimals, then the sum to 2. */
        CONCENTRATIONS_THEN_INDICES
    }

    /**
     * @param singleIndices w_i·C_i/S_i of each pollutant (exact, or to 3 decimals under {@link Rounding#CONCENTRATIONS_THEN_INDICES})
     * @param exactTotal    their sum before the final rounding
     * @param total         the published index, 2 decimals
     */
    public record Result(Definition definition, Rounding rounding, Map<Pollutant, BigDecimal> singleIndices,
                         BigDecimal exactTotal, BigDecimal total) {
    }

    /** @param concentrations the period statistic of each of the six pollutants (µg/m³, CO mg/m³) */
    public static Result compute(Map<Pollutant, BigDecimal> concentrations, Definition definition, Rounding rounding) {
        Map<Pollutant, BigDecimal> singles = new EnumMap<>(Pollutant.class);
        BigDecimal sum = BigDecimal.ZERO;
        for (Pollutant p : Pollutant.values()) {
            BigDecimal c = concentrations.get(p);
            if (c == null) {
                throw new IllegalArgumentException("the composite index needs " + p + "; it was not given");
            }
            BigDecimal weighted = definition.weights().getOrDefault(p, BigDecimal.ONE);
            BigDecimal single = rounding == Rounding.SUM_ONCE
                    ? weighted.multiply(c).divide(definition.denominators().get(p), Mean.PRECISION)
                    : Gbt8170.divide(weighted.multiply(Gbt8170.round(c, p.decimals())),
                    definition.denominators().get(p), 3);
            singles.put(p, single);
            sum = sum.add(single);
        }
        return new Result(definition, rounding, Map.copyOf(singles), sum, Gbt8170.round(sum, 2));
    }
}
