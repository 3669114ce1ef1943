package org.lantian.platform.airquality;

import java.time.Instant;
import java.util.Set;

/**
 * Published when real-time results of {@code stationCodes} for the hours ending {@code from}…{@code to}
 * (inclusive) are committed: rules that look at station values run on it.
 */
public record StationHoursComputed(Set<String> stationCodes, Instant from, Instant to) {
}
