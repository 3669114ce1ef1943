package org.lantian.platform.monitoring;

import java.math.BigDecimal;
import java.util.Map;

import org.lantian.standards.Pollutant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The largest hourly or daily concentration a monitor can plausibly report, per pollutant. A value above
 * it is a logger's overflow or a unit mistake (3.4028235E+38 is a float's maximum, not air), so it is
 * refused as a bad row rather than stored and averaged into everything after it. The defaults lie well
 * above every measured extreme (sand storms bring PM10 beyond 9 000 µg/m³); see docs/ingestion.md.
 *
 * @param maximum the upper limit per pollutant code, in the pollutant's unit (µg/m³, CO mg/m³)
 */
@ConfigurationProperties("lantian.monitoring.plausible")
public record PlausibleRanges(Map<String, BigDecimal> maximum) {

    static final Map<String, BigDecimal> DEFAULTS = Map.of(
            Pollutant.SO2.code(), new BigDecimal("10000"),
            Pollutant.NO2.code(), new BigDecimal("5000"),
            Pollutant.PM10.code(), new BigDecimal("30000"),
            Pollutant.PM2_5.code(), new BigDecimal("10000"),
            Pollutant.CO.code(), new BigDecimal("500"),
            Pollutant.O3.code(), new BigDecimal("3000"));

    public PlausibleRanges {
        var merged = new java.util.HashMap<>(DEFAULTS);
        if (maximum != null) {
            maximum.forEach((code, max) -> merged.put(Pollutant.parse(code).map(Pollutant::code).orElse(code), max));
        }
        maximum = Map.copyOf(merged);
    }

    /** The limit of a pollutant code, or null for a series that has none (published derived values). */
    BigDecimal maximumOf(String pollutant) {
        return maximum.get(pollutant);
    }
}
