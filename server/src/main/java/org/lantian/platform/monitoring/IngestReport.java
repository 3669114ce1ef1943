package org.lantian.platform.monitoring;

import java.util.List;

/**
 * What one ingestion request did. {@code received = inserted + revised + unchanged + rejected}.
 *
 * @param inserted  values new to their series
 * @param revised   values that differ from the stored one and were stored as a new revision
 * @param unchanged values identical to what was already stored (or repeated within the request)
 * @param errors    the first rejected rows (all are kept under the batch id); {@code errorsTruncated} says
 *                  whether more exist
 * @param foreignStations stations of a wide file (a national-network daily file) outside the registry:
 *                  other cities' data, skipped and not counted as received or rejected
 * @param revisions the first stored values this batch replaced, with old and new value (all are in the
 *                  series as revisions, and the batch is in the audit log with its reason)
 */
public record IngestReport(long batchId, long received, long inserted, long revised, long unchanged, long rejected,
                           List<RowError> errors, boolean errorsTruncated, List<String> foreignStations,
                           List<Revision> revisions) {

    /** A stored value replaced: what it was and what it is now, as revision {@code revision} of its series. */
    public record Revision(String station, String pollutant, String averaging, java.time.Instant periodEnd,
                           java.math.BigDecimal oldValue, java.math.BigDecimal newValue, int revision) {
    }

    /** A rejected row: where it was and why. */
    public record RowError(long line, String field, String reason) {
    }
}
