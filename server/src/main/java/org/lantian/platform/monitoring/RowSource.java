package org.lantian.platform.monitoring;

import java.io.IOException;

/** Something that reads rows into a sink: a CSV file, a JSON batch, a national-network daily file. */
@FunctionalInterface
public interface RowSource {

    /**
     * @throws BadInput when the input as a whole cannot be read (no header, wrong layout); row-level
     *                  problems go to {@link RowSink#reject} instead
     */
    void readInto(RowSink sink) throws IOException;

    /** A source that reads from its start again each time, such as an upload kept on disk: it may be read twice. */
    @FunctionalInterface
    interface Rereadable extends RowSource {
    }
}
