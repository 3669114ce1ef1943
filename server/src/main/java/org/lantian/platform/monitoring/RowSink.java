package org.lantian.platform.monitoring;

/** Where a reader puts what it reads: parsed values, or rejections naming line, field and reason. */
public interface RowSink {

    /** A value read from {@code line} of the source. */
    void accept(long line, Observation observation);

    /** A row, or one field of it, that cannot be taken. */
    void reject(long line, String field, String reason);

    /**
     * For wide files with a column per station: whether the station's whole column is to be skipped.
     * A sink that refuses the column reports it once, at {@code headerLine}, instead of once per cell.
     */
    default boolean rejectColumn(long headerLine, String stationCode) {
        return false;
    }
}
