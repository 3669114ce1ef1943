package org.lantian.platform.alerts;

import java.math.BigDecimal;

/**
 * One test of a station's hour. {@code measure} is {@code AQI} or a pollutant (SO2, NO2, PM10, CO, O3, PM2_5).
 * <ul>
 * <li>ABOVE: the value is at least {@code threshold};</li>
 * <li>ABOVE_AREA: the value is at least {@code percent} % above the mean of its county ({@code area} COUNTY)
 *     or of the city (CITY) in that hour;</li>
 * <li>ABOVE_NEIGHBOURS: at least {@code percent} % above the mean of the other stations within {@code radiusKm};</li>
 * <li>RISE: the value rose by at least {@code threshold} over the last {@code hours} hours;</li>
 * <li>WORST_N: the station is among the {@code n} highest of the rule's stations in that hour (ties included);</li>
 * <li>LOCAL: not a regional episode: the city's mean that hour is below {@code threshold} (or unknown), or the
 *     station stands at least {@code percent} % above it. Whole-city pollution is the warning system's
 *     (docs/alerts.md); a county is pushed what stands out of it.</li>
 * </ul>
 */
public record Condition(Type type, String measure, BigDecimal threshold, Area area, BigDecimal percent, BigDecimal radiusKm,
                        Integer hours, Integer n) {

    public enum Type {
        ABOVE, ABOVE_AREA, ABOVE_NEIGHBOURS, RISE, WORST_N, LOCAL
    }

    public enum Area {
        COUNTY, CITY
    }

    /** Refuses a condition that lacks what its type needs, naming the field. */
    void check(int index) {
        String at = "conditions[" + index + "]";
        if (type == null) {
            throw new IllegalArgumentException(at + ".type：必填");
        }
        if (measure == null || !Measures.isKnown(measure)) {
            throw new IllegalArgumentException(at + ".measure：应为 AQI、SO2、NO2、PM10、CO、O3 或 PM2_5，收到 " + measure);
        }
        switch (type) {
            case ABOVE -> require(threshold != null, at + ".threshold：必填");
            case ABOVE_AREA -> require(area != null && percent != null, at + ".area、.percent：必填");
            case ABOVE_NEIGHBOURS -> require(radiusKm != null && radiusKm.signum() > 0 && percent != null,
                    at + ".radiusKm（大于 0）、.percent：必填");
            case RISE -> require(threshold != null && hours != null && hours >= 1 && hours <= 24,
                    at + ".threshold、.hours（1–24）：必填");
            case WORST_N -> require(n != null && n >= 1, at + ".n（≥ 1）：必填");
            case LOCAL -> require(threshold != null && percent != null, at + ".threshold（区域性污染时的全市均值）、.percent：必填");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** How the condition reads in Chinese, for ticket texts and the rule page. */
    public String describe() {
        String m = Measures.label(measure);
        return switch (type) {
            case ABOVE -> m + " ≥ " + threshold.toPlainString() + Measures.unit(measure);
            case ABOVE_AREA -> m + " 高于" + (area == Area.COUNTY ? "所在县区" : "全市") + "均值 " + percent.toPlainString() + "% 以上";
            case ABOVE_NEIGHBOURS -> m + " 高于周边 " + radiusKm.toPlainString() + " 公里内站点均值 " + percent.toPlainString() + "% 以上";
            case RISE -> m + " " + hours + " 小时内升高 ≥ " + threshold.toPlainString() + Measures.unit(measure);
            case WORST_N -> m + " 居前 " + n + " 位";
            case LOCAL -> "非全市性污染（全市均值低于 " + threshold.toPlainString() + Measures.unit(measure) + "，或高于全市均值 "
                    + percent.toPlainString() + "% 以上）";
        };
    }
}
