package org.lantian.platform.monitoring;

/** The two append-only series tables, which share one shape and one revision rule. */
enum SeriesTable {
    /** Measured values: what statistics are computed from. */
    OBSERVATION("monitoring_observation", 0),
    /** Values as the national network published them, kept for comparison only. */
    REFERENCE("monitoring_reference_value", 1);

    private final String tableName;
    private final int stagingTarget;

    SeriesTable(String tableName, int stagingTarget) {
        this.tableName = tableName;
        this.stagingTarget = stagingTarget;
    }

    String tableName() {
        return tableName;
    }

    int stagingTarget() {
        return stagingTarget;
    }
}
