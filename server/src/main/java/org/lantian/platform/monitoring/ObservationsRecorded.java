package org.lantian.platform.monitoring;

import java.time.Instant;
import java.util.Set;

/**
 * Published once per committed ingestion batch that stored new or revised measurements (not for
 * published reference values). Listeners recompute what the affected stations and hours touch.
 */
public record ObservationsRecorded(long batchId, Set<String> stationCodes, Instant firstPeriodEnd,
                                   Instant lastPeriodEnd, long inserted, long revised) {
}
