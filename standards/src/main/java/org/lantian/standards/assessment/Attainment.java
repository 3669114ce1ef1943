package org.lantian.standards.assessment;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.lantian.standards.Gbt8170;
import org.lantian.standards.Pollutant;
import org.lantian.standards.RuleSet;

/**
 * Annual attainment of each pollutant (HJ 663, STANDARDS §2.7): SO2 and NO2 need the annual mean and the
 * daily 98th percentile within their limits, PM10 and PM2.5 the annual mean and the daily 95th
 * percentile, CO the daily 95th percentile, O3 the 90th percentile of the daily maximum 8-hour mean.
 * Statistics are compared as published: rounded to their decimals first.
 *
 * @param items per pollutant, each judged item (e.g. "annual mean", "P98") with its value and limit
 */
public record Attainment(RuleSet rules, Map<Pollutant, List<Item>> items) {

    /** One judged statistic. */
    public record Item(String statistic, BigDecimal value, BigDecimal limit) {
        public boolean met() {
            return value.compareTo(limit) <= 0;
        }
    }

    /** Judges a year's daily values, which should satisfy {@link PeriodValidity} for the year. */
    public static Attainment of(RuleSet rules, PeriodSummary year) {
        Map<Pollutant, List<Item>> items = new EnumMap<>(Pollutant.class);
        year.dailySeries().forEach((p, series) -> {
            if (series.isEmpty()) {
                return;
            }
            int decimals = p.decimals();
            BigDecimal daily = Gb3095Limits.daily(rules, p);
            items.put(p, switch (p) {
                case SO2, NO2 -> List.of(annual(rules, p, series, decimals),
                        new Item("P98", Gbt8170.round(Percentile.of(series, 98), decimals), daily));
                case PM10, PM2_5 -> List.of(annual(rules, p, series, decimals),
                        new Item("P95", Gbt8170.round(Percentile.of(series, 95), decimals), daily));
                case CO -> List.of(new Item("P95", Gbt8170.round(Percentile.of(series, 95), 1), daily));
                case O3 -> List.of(new Item("P90 MDA8", Gbt8170.round(Percentile.of(series, 90), 0), daily));
            });
        });
        return new Attainment(rules, items);
    }

    private static Item annual(RuleSet rules, Pollutant p, List<BigDecimal> series, int decimals) {
        BigDecimal sum = series.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Item("annual mean", Gbt8170.mean(sum, series.size(), decimals), Gb3095Limits.annual(rules, p));
    }

    /** Whether a pollutant meets every one of its items; false when it has none. */
    public boolean met(Pollutant pollutant) {
        List<Item> judged = items.get(pollutant);
        return judged != null && judged.stream().allMatch(Item::met);
    }

    /** "Attainment for all six": every pollutant present and met. */
    public boolean allSixMet() {
        return items.size() == Pollutant.values().length && items.keySet().stream().allMatch(this::met);
    }
}
