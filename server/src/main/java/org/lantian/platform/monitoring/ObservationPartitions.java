package org.lantian.platform.monitoring;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Monthly partitions of the series tables, one per calendar month in Beijing time, created the first time
 * a month's data arrive. Created in their own short transaction so the ingest transaction never holds the
 * DDL locks.
 */
@Component
class ObservationPartitions {

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("'y'yyyy'm'MM");

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    ObservationPartitions(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void ensure(SeriesTable table, Set<YearMonth> months) {
        for (YearMonth month : months) {
            String partition = table.tableName() + "_" + month.format(SUFFIX);
            if (known.contains(partition)) {
                continue;
            }
            ownTransaction.executeWithoutResult(status -> {
                // serialise creators: two batches of a new month must not race on CREATE TABLE
                jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('monitoring.partitions'))").query().singleRow();
                jdbc.sql("CREATE TABLE IF NOT EXISTS " + partition + " PARTITION OF " + table.tableName()
                        + " FOR VALUES FROM ('" + month.atDay(1) + " 00:00:00+08') TO ('"
                        + month.plusMonths(1).atDay(1) + " 00:00:00+08')").update();
            });
            known.add(partition);
        }
    }
}
