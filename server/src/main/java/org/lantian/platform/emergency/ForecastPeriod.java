package org.lantian.platform.emergency;

import java.time.Instant;

/** One period of a forecast (a day, or a 24-hour mean across days): its AQI range and primary pollutant. */
public record ForecastPeriod(Instant start, Instant end, int aqiLow, int aqiHigh, String primaryPollutant) {

    public long hours() {
        return java.time.Duration.between(start, end).toHours();
    }
}
