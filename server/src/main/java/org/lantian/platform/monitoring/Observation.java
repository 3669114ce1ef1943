package org.lantian.platform.monitoring;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One value of one station's series, as received.
 *
 * @param pollutant a pollutant code ({@code PM2_5}); for {@link Averaging#PUBLISHED} values the
 *                  published type ({@code PM2.5_24h}, {@code AQI}, {@code O3_8h})
 * @param periodEnd the end of the averaging period
 * @param flag      the data flag as received ({@code N} = normal, HJ 212 §3.4); anything else is kept but
 *                  not valid for statistics
 */
public record Observation(String stationCode, String pollutant, Averaging averaging, Instant periodEnd,
                          BigDecimal value, String flag) {

    public static final String NORMAL = "N";
}
