package org.lantian.platform.monitoring;

import java.io.IOException;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.lantian.platform.database.CopyIn;
import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actor;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one write path for monitoring values. Every source (REST batch, CSV, national-network files, HJ 212,
 * the demo simulator) ends here: check each row, stage the good ones with COPY, store what is new or
 * changed as a new revision, report every rejected row, and publish {@link ObservationsRecorded} — all
 * in one transaction, so a request is stored whole or not at all.
 */
@Service
public class Ingestion {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Ingestion.class);

    /** How many rejected rows a report carries inline; all are stored under the batch. */
    static final int REPORTED_ERRORS = 1000;
    /** Clock skew tolerated for values that claim to end in the future. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Actors actors;
    private final Stations stations;
    private final AuditLog audit;
    private final ObservationPartitions partitions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PlausibleRanges plausible;
    private final ReviewedData reviewedData;

    Ingestion(JdbcClient jdbc, DataSource dataSource, Actors actors, Stations stations, AuditLog audit,
              ObservationPartitions partitions, ApplicationEventPublisher events, Clock clock, PlausibleRanges plausible,
              ReviewedData reviewedData) {
        this.reviewedData = reviewedData;
        this.plausible = plausible;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.actors = actors;
        this.stations = stations;
        this.audit = audit;
        this.partitions = partitions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Where a batch came from: {@code source} is the system or person's label, {@code format} the reader;
     * {@code reason} why it changes values already stored (required for any revision).
     */
    public record Submission(String source, String format, String fileName, String reason) {

        public Submission(String source, String format, String fileName) {
            this(source, format, fileName, null);
        }
    }



    @Transactional
    public IngestReport ingest(Submission submission, RowSource rows) {
        Actor actor = actors.current();
        if (!actor.mayWriteMonitoringData()) {
            throw new AccessDenied(actor.username() + " 无权提交监测数据");
        }
        Instant now = clock.instant();
        long batchId = jdbc.sql("""
                        INSERT INTO monitoring_import_batch (source, format, file_name, submitted_by, county_code, started_at, reason)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(submission.source(), submission.format(), submission.fileName(), actor.username(),
                        actor.countyCode(), Timestamp.from(now), blankToNull(submission.reason()))
                .query(Long.class).single();

        long t0 = System.nanoTime();
        Registry registry = new Registry(stations.writableStations(), stations.allCodes());
        Outcome outcome = rows instanceof RowSource.Rereadable ? storeDirectly(rows, registry, batchId, now) : null;
        if (outcome == null) {
            outcome = stageAndStore(submission, actor, rows, registry, batchId, now);
        }
        long t3 = System.nanoTime();
        CheckingSink sink = outcome.sink();
        List<IngestReport.RowError> errors = outcome.errors();
        List<IngestReport.Revision> revisions = outcome.revisions();
        Stored measured = outcome.measured();
        Stored published = outcome.published();

        errors.sort(Comparator.comparingLong(IngestReport.RowError::line));
        saveErrors(batchId, errors);
        long t4 = System.nanoTime();
        log.debug("batch {}: {} rows {} in {} ms, errors saved in {} ms", batchId, sink.received(),
                outcome.direct() ? "copied into the series" : "staged and stored", (t3 - t0) / 1_000_000,
                (t4 - t3) / 1_000_000);
        long inserted = measured.inserted + published.inserted;
        long revised = measured.revised + published.revised;
        long rejected = errors.size();
        long unchanged = sink.received() - inserted - revised - rejected;
        jdbc.sql("""
                        UPDATE monitoring_import_batch
                           SET received = ?, inserted = ?, revised = ?, unchanged = ?, rejected = ?, foreign_stations = ?,
                               finished_at = ?
                         WHERE id = ?""")
                .params(sink.received(), inserted, revised, unchanged, rejected, sink.foreignStations().size(),
                        Timestamp.from(clock.instant()), batchId)
                .update();
        audit.record("monitoring.observations.imported", "import", Long.toString(batchId), actor.countyCode(), null,
                Map.of("source", submission.source(), "format", submission.format(),
                        "received", sink.received(), "inserted", inserted, "revised", revised, "rejected", rejected));
        if (measured.revised > 0) {
            audit.record("monitoring.observations.revised", "import", Long.toString(batchId), actor.countyCode(),
                    submission.reason(), Map.of("revised", measured.revised, "first", revisions.stream().limit(20)
                            .map(r -> r.station() + " " + r.pollutant() + " " + r.periodEnd() + ": " + r.oldValue().toPlainString()
                                    + " → " + r.newValue().toPlainString()).toList()));
        }
        if (measured.inserted + measured.revised > 0) {
            events.publishEvent(new ObservationsRecorded(batchId, measured.stations, measured.first, measured.last,
                    measured.inserted, measured.revised));
        }
        return new IngestReport(batchId, sink.received(), inserted, revised, unchanged, rejected,
                List.copyOf(errors.subList(0, Math.min(errors.size(), REPORTED_ERRORS))),
                errors.size() > REPORTED_ERRORS, List.copyOf(sink.foreignStations()),
                List.copyOf(revisions.subList(0, Math.min(revisions.size(), REPORTED_ERRORS))));
    }

    /** The stations this batch may write (code to county) and every registered code, looked up once a batch. */
    private record Registry(Map<String, String> writable, Set<String> codes) {
    }

    private record Outcome(boolean direct, CheckingSink sink, List<IngestReport.RowError> errors,
                           List<IngestReport.Revision> revisions, Stored measured, Stored published) {
    }

    /**
     * A source that can be read twice and brings new measurements only goes into the series with one
     * COPY, sparing the staging table and the insert from it: read once to check every row and learn its
     * stations, months and time range; then, with nothing stored there, read again straight into the
     * series. Null when the batch needs the staging path: repeated keys, published values, or stored values
     * it may revise.
     */
    private Outcome storeDirectly(RowSource rows, Registry registry, long batchId, Instant now) {
        CheckingSink checked = check(rows, registry, now);
        if (checked.accepted() == 0 || checked.hasRepeatedKeys() || checked.hasPublishedValues()) {
            return null;
        }
        partitions.ensure(SeriesTable.OBSERVATION, checked.months(false));
        lockSeries(checked.stations());
        if (mayRevise(checked)) {
            return null;
        }
        CheckingSink copied = copy(rows, "COPY " + SeriesTable.OBSERVATION.tableName() + " (station_code, pollutant, averaging, "
                + "period_end, revision, value, flag, batch_id, recorded_at) FROM STDIN", CheckingSink.firstRevision(batchId, now), registry, now);
        return new Outcome(true, copied, new java.util.ArrayList<>(copied.errors()), List.of(),
                new Stored(copied.accepted(), 0, copied.measuredStations(), copied.first(), copied.last()), Stored.NOTHING);
    }

    /** Any source: stage every accepted row, then check repeats and revisions in SQL and store from staging. */
    private Outcome stageAndStore(Submission submission, Actor actor, RowSource rows, Registry registry, long batchId, Instant now) {
        // the duplicate check and the insert hash a whole batch; 4 MB (the default) spills a large one to disk
        jdbc.sql("SET LOCAL work_mem = '64MB'").update();
        jdbc.sql("""
                CREATE TEMP TABLE monitoring_staging (
                    seq bigint, line bigint, target smallint, station_code text, pollutant text, averaging text,
                    period_end timestamptz, value numeric, flag text) ON COMMIT DROP""").update();
        CheckingSink sink = copy(rows, "COPY monitoring_staging FROM STDIN", CheckingSink.STAGING, registry, now);
        jdbc.sql("ANALYZE monitoring_staging").update();

        List<IngestReport.RowError> errors = new java.util.ArrayList<>(sink.errors());
        if (sink.hasRepeatedKeys()) {
            errors.addAll(collapseDuplicates());
        }
        // before any read of the series: creating a partition in its own transaction waits for readers of the parent
        partitions.ensure(SeriesTable.OBSERVATION, sink.months(false));
        partitions.ensure(SeriesTable.REFERENCE, sink.months(true));
        lockSeries(sink.stations());
        boolean mayRevise = mayRevise(sink);
        List<IngestReport.Revision> revisions = new java.util.ArrayList<>();
        if (mayRevise) {
            errors.addAll(checkRevisions(submission, actor, revisions, sink));
        }
        Stored measured = mayRevise ? store(SeriesTable.OBSERVATION, sink, batchId, now) : storeNew(sink, batchId, now);
        Stored published = store(SeriesTable.REFERENCE, sink, batchId, now);
        return new Outcome(false, sink, errors, revisions, measured, published);
    }

    /**
     * Reads every row through the checks into a COPY written in {@code layout}. The registry is looked up
     * before: the connection answers nothing else while a COPY is open.
     */
    private CheckingSink copy(RowSource rows, String copySql, CheckingSink.Layout layout, Registry registry, Instant now) {
        return CopyIn.copy(dataSource, copySql, copy -> read(rows, copy, layout, registry, now));
    }

    /** Reads every row through the checks, writing nothing. */
    private CheckingSink check(RowSource rows, Registry registry, Instant now) {
        try {
            return read(rows, null, null, registry, now);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private CheckingSink read(RowSource rows, java.io.Writer copy, CheckingSink.Layout layout, Registry registry, Instant now)
            throws java.io.IOException {
        CheckingSink sink = new CheckingSink(copy, layout, registry.writable(), registry.codes()::contains,
                now.plus(FUTURE_TOLERANCE), plausible);
        rows.readInto(sink);
        sink.finish();
        return sink;
    }

    /**
     * A series and time sent twice in one request: an identical repeat is dropped as unchanged; a repeat
     * with another value is rejected, naming the line that came first.
     */
    private List<IngestReport.RowError> collapseDuplicates() {
        List<IngestReport.RowError> conflicts = jdbc.sql("""
                        WITH dup AS (
                            SELECT target, station_code, pollutant, averaging, period_end, min(seq) AS first_seq
                              FROM monitoring_staging
                             GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1),
                        removed AS (
                            DELETE FROM monitoring_staging s USING dup d
                             WHERE s.target = d.target AND s.station_code = d.station_code AND s.pollutant = d.pollutant
                               AND s.averaging = d.averaging AND s.period_end = d.period_end AND s.seq <> d.first_seq
                            RETURNING s.line, s.station_code, s.value, s.flag, d.first_seq)
                        SELECT r.line, r.station_code, f.line AS first_line
                          FROM removed r JOIN monitoring_staging f ON f.seq = r.first_seq
                         WHERE (r.value, r.flag) IS DISTINCT FROM (f.value, f.flag)""")
                .query((rs, n) -> new IngestReport.RowError(rs.getLong("line"), rs.getString("station_code"),
                        "与第 " + rs.getLong("first_line") + " 行的站点、污染物和时间相同，但数值不同"))
                .list();
        return conflicts;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * Staged measurements that would replace a stored value. Counties are assessed on these values, so a
     * revision needs a reason, a station of an assessed class (national, provincial, county) only the city
     * office, and a reviewed month only the city office. The platform's own sources (system) may revise:
     * a device that resends its hour. Refused revisions leave the staging table and are reported with the
     * old and new value; allowed ones are returned for the audit log.
     */
    private List<IngestReport.RowError> checkRevisions(Submission submission, Actor actor, List<IngestReport.Revision> allowed,
                                                       CheckingSink sink) {
        List<Object[]> candidates = jdbc.sql(CURRENT_VALUES.formatted(SeriesTable.OBSERVATION.tableName()) + """
                        SELECT s.seq, s.line, s.station_code, s.pollutant, s.averaging, s.period_end, c.value AS old_value,
                               s.value AS new_value, c.revision
                          FROM monitoring_staging s JOIN current c USING (station_code, pollutant, averaging, period_end)
                         WHERE s.target = 0 AND (c.value, c.flag) IS DISTINCT FROM (s.value, s.flag)
                         ORDER BY s.line""")
                .param("first", Timestamp.from(sink.first())).param("last", Timestamp.from(sink.last())).param("target", 0)
                .query((rs, n) -> new Object[] {rs.getLong("seq"), rs.getLong("line"), new IngestReport.Revision(rs.getString("station_code"),
                        rs.getString("pollutant"), rs.getString("averaging"), rs.getTimestamp("period_end").toInstant(),
                        rs.getBigDecimal("old_value"), rs.getBigDecimal("new_value"), rs.getInt("revision") + 1)})
                .list();
        if (candidates.isEmpty()) {
            return List.of();
        }
        boolean system = actor.username().equals(Actor.SYSTEM.username());
        boolean reasoned = blankToNull(submission.reason()) != null;
        Set<String> assessed = system || actor.isCityOffice() ? Set.of() : stations.assessedStations();
        Set<java.time.YearMonth> reviewed = system || actor.isCityOffice() ? Set.of() : reviewedData.reviewed(candidates.stream()
                .map(c -> monthOf(((IngestReport.Revision) c[2]).periodEnd()))
                .collect(java.util.stream.Collectors.toSet()));
        List<IngestReport.RowError> refused = new java.util.ArrayList<>();
        List<Long> refusedSeqs = new java.util.ArrayList<>();
        for (Object[] c : candidates) {
            IngestReport.Revision r = (IngestReport.Revision) c[2];
            String problem = system ? null
                    : !reasoned ? "修订已存数值须填写修订理由"
                    : assessed.contains(r.station()) ? "该站点的数据用于县区考核，只有市大气办可以修订"
                    : reviewed.contains(monthOf(r.periodEnd()))
                    ? "该月数据已经审核，只有市大气办可以修订" : null;
            if (problem == null) {
                allowed.add(r);
            } else {
                refusedSeqs.add((Long) c[0]);
                refused.add(new IngestReport.RowError((Long) c[1], r.station(), problem + "（" + r.pollutant() + " "
                        + MINUTE.format(r.periodEnd()) + "：原值 " + r.oldValue().toPlainString() + "，新值 "
                        + r.newValue().toPlainString() + "）"));
            }
        }
        if (!refusedSeqs.isEmpty()) {
            jdbc.sql("DELETE FROM monitoring_staging WHERE seq = ANY(?)").param(refusedSeqs.toArray(Long[]::new)).update();
        }
        return refused;
    }

    /**
     * Whether a stored measurement could be replaced: one indexed probe over the staged stations and time
     * range. Most batches bring new hours only, and then neither the revision check nor the store needs to
     * join every staged row with the series. The stations' locks keep the answer true until commit.
     */
    private boolean mayRevise(CheckingSink sink) {
        return !sink.measuredStations().isEmpty() && jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM monitoring_observation
                                        WHERE period_end BETWEEN ? AND ? AND station_code = ANY(?))""")
                .params(Timestamp.from(sink.first()), Timestamp.from(sink.last()), sink.measuredStations().toArray(String[]::new))
                .query(Boolean.class).single();
    }

    private static final java.time.format.DateTimeFormatter MINUTE = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(org.lantian.standards.BeijingTime.ZONE);

    /** The Beijing month a value belongs to (hour-ending: 00:00 closes the day, and the month, before). */
    private static java.time.YearMonth monthOf(Instant periodEnd) {
        return java.time.YearMonth.from(periodEnd.minusSeconds(1).atZone(org.lantian.standards.BeijingTime.ZONE));
    }

    /**
     * The current value of each series and hour a staged batch touches (the highest revision), in a table
     * {@code %1$s}: what a revision check and the store compare the staged values with.
     */
    private static final String CURRENT_VALUES = """
            WITH current AS (
                SELECT DISTINCT ON (station_code, pollutant, averaging, period_end)
                       station_code, pollutant, averaging, period_end, revision, value, flag
                  FROM %1$s
                 WHERE period_end BETWEEN :first AND :last
                   AND station_code IN (SELECT DISTINCT station_code FROM monitoring_staging WHERE target = :target)
                 ORDER BY station_code, pollutant, averaging, period_end, revision DESC)""";

    /** Batches touching the same station wait for each other, so revision numbers never collide. */
    private void lockSeries(Set<String> stationCodes) {
        jdbc.sql("""
                SELECT pg_advisory_xact_lock(hashtext('monitoring.series:' || code))
                  FROM (SELECT code FROM unnest(?::text[]) code ORDER BY 1) s""")
                .param(stationCodes.toArray(String[]::new)).query().listOfRows();
    }

    private record Stored(long inserted, long revised, Set<String> stations, Instant first, Instant last) {
        static final Stored NOTHING = new Stored(0, 0, Set.of(), null, null);
    }

    private Stored store(SeriesTable table, CheckingSink sink, long batchId, Instant now) {
        var months = sink.months(table == SeriesTable.REFERENCE);
        if (months.isEmpty()) {
            return Stored.NOTHING;
        }
        partitions.ensure(table, months);
        String t = table.tableName();
        return jdbc.sql("""
                        %2$s,
                        ins AS (
                            INSERT INTO %1$s (station_code, pollutant, averaging, period_end, revision, value, flag, batch_id, recorded_at)
                            SELECT s.station_code, s.pollutant, s.averaging, s.period_end, coalesce(c.revision, 0) + 1,
                                   s.value, s.flag, :batch, :now
                              FROM monitoring_staging s
                              LEFT JOIN current c USING (station_code, pollutant, averaging, period_end)
                             WHERE s.target = :target
                               AND (c.revision IS NULL OR (c.value, c.flag) IS DISTINCT FROM (s.value, s.flag))
                            RETURNING station_code, period_end, revision),
                        per_station AS (
                            SELECT station_code, count(*) FILTER (WHERE revision = 1) AS inserted,
                                   count(*) FILTER (WHERE revision > 1) AS revised,
                                   min(period_end) AS first, max(period_end) AS last
                              FROM ins GROUP BY station_code)
                        SELECT coalesce(sum(inserted), 0) AS inserted, coalesce(sum(revised), 0) AS revised,
                               array_agg(station_code) AS stations, min(first) AS first, max(last) AS last
                          FROM per_station""".formatted(t, CURRENT_VALUES.formatted(t)))
                .param("first", Timestamp.from(sink.first()))
                .param("last", Timestamp.from(sink.last()))
                .param("target", table.stagingTarget())
                .param("batch", batchId)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> {
                    Array codes = rs.getArray("stations");
                    Timestamp first = rs.getTimestamp("first");
                    Timestamp last = rs.getTimestamp("last");
                    return new Stored(rs.getLong("inserted"), rs.getLong("revised"),
                            codes == null ? Set.of() : new HashSet<>(Arrays.asList((String[]) codes.getArray())),
                            first == null ? null : first.toInstant(), last == null ? null : last.toInstant());
                })
                .single();
    }

    /** Measurements of a batch with nothing stored in its stations and range: each is revision 1. */
    private Stored storeNew(CheckingSink sink, long batchId, Instant now) {
        if (sink.measuredStations().isEmpty()) {
            return Stored.NOTHING;
        }
        int inserted = jdbc.sql("""
                        INSERT INTO monitoring_observation (station_code, pollutant, averaging, period_end, revision, value, flag,
                                                           batch_id, recorded_at)
                        SELECT station_code, pollutant, averaging, period_end, 1, value, flag, ?, ?
                          FROM monitoring_staging WHERE target = 0""")
                .params(batchId, Timestamp.from(now)).update();
        return new Stored(inserted, 0, sink.measuredStations(), sink.first(), sink.last());
    }

    private void saveErrors(long batchId, List<IngestReport.RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        CopyIn.copy(dataSource, "COPY monitoring_import_error (batch_id, line, field, reason) FROM STDIN WITH (FORMAT csv)", copy -> {
            Set<String> seen = new HashSet<>();
            for (IngestReport.RowError e : errors) {
                if (seen.add(e.line() + "\u0000" + e.field())) {
                    copy.append(Long.toString(batchId)).append(',').append(Long.toString(e.line())).append(',')
                            .append(csv(e.field())).append(',').append(csv(e.reason())).append('\n');
                }
            }
            return null;
        });
    }

    private static String csv(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** The rejected rows of a batch the current actor may see, in line order. */
    public List<IngestReport.RowError> errors(long batchId, int offset, int limit) {
        requireVisibleBatch(batchId);
        return jdbc.sql("SELECT line, field, reason FROM monitoring_import_error WHERE batch_id = ? ORDER BY line, field OFFSET ? LIMIT ?")
                .params(batchId, Math.max(offset, 0), Math.min(Math.max(limit, 1), 10_000))
                .query((rs, n) -> new IngestReport.RowError(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** One past import as listed: who sent what, and what became of it. */
    public record Batch(long id, String source, String format, String fileName, String submittedBy, String countyCode,
                        long received, long inserted, long revised, long unchanged, long rejected, long foreignStations,
                        Instant startedAt, Instant finishedAt) {

        /** The format as the pages name it. */
        public String formatLabel() {
            return switch (format) {
                case "json" -> "接口批量";
                case "csv" -> "CSV 文件";
                case "china_sites" -> "国家网日数据";
                case "simulated" -> "演示模拟数据";
                default -> format;
            };
        }
    }

    /** The newest imports the current actor may see: all for citywide roles, the own county's otherwise. */
    public List<Batch> recentBatches(int limit) {
        var scope = actors.current().scope();
        return jdbc.sql("""
                        SELECT * FROM monitoring_import_batch WHERE ? OR county_code = ANY(?) ORDER BY id DESC LIMIT ?""")
                .params(scope.citywide(), scope.countyArray(), Math.min(Math.max(limit, 1), 500))
                .query((rs, n) -> new Batch(rs.getLong("id"), rs.getString("source"), rs.getString("format"),
                        rs.getString("file_name"), rs.getString("submitted_by"), rs.getString("county_code"),
                        rs.getLong("received"), rs.getLong("inserted"), rs.getLong("revised"), rs.getLong("unchanged"),
                        rs.getLong("rejected"), rs.getLong("foreign_stations"), rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant()))
                .list();
    }

    private void requireVisibleBatch(long batchId) {
        var scope = actors.current().scope();
        boolean visible = jdbc.sql("SELECT EXISTS (SELECT 1 FROM monitoring_import_batch WHERE id = ? AND (? OR county_code = ANY(?)))")
                .params(batchId, scope.citywide(), scope.countyArray())
                .query(Boolean.class).single();
        if (!visible) {
            throw new NotFound("导入批次 " + batchId);
        }
    }
}
