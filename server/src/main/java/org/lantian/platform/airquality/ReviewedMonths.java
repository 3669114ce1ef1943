package org.lantian.platform.airquality;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.lantian.platform.geo.Division;
import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.AuditLog;
import org.lantian.platform.monitoring.IngestReport;
import org.lantian.platform.monitoring.Ingestion;
import org.lantian.platform.monitoring.RowSource;
import org.lantian.standards.BeijingTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly review: the city office imports a month's reviewed (audited) data, which enter as revisions
 * of the real-time values (both kept), and the month's results stop being provisional. The provisional
 * city and county days the review superseded are kept to show what the review changed.
 */
@Service
public class ReviewedMonths {

    private final JdbcClient jdbc;
    private final Ingestion ingestion;
    private final RealTimeResults results;
    private final AirQualityPeriods periods;
    private final Actors actors;
    private final AuditLog audit;
    private final ResultsGeneration generation;
    private final Clock clock;

    ReviewedMonths(JdbcClient jdbc, Ingestion ingestion, RealTimeResults results, AirQualityPeriods periods, Actors actors,
                   AuditLog audit, ResultsGeneration generation, Clock clock) {
        this.jdbc = jdbc;
        this.ingestion = ingestion;
        this.results = results;
        this.periods = periods;
        this.actors = actors;
        this.audit = audit;
        this.generation = generation;
        this.clock = clock;
    }

    public record Review(YearMonth month, long batchId, String reviewedBy, Instant reviewedAt, String reason) {
    }

    /** What an import did: the data report, and the review when the month was marked (no row rejected). */
    public record Outcome(IngestReport report, Review review) {
    }

    /**
     * Imports a month's reviewed data and, when every row was taken, marks the month reviewed. A file with
     * rejected rows is stored as far as it is valid but leaves the month provisional: fix it and import again.
     */
    @Transactional
    public Outcome importReviewed(YearMonth month, Ingestion.Submission submission, RowSource rows, String reason) {
        if (!actors.current().isCityOffice()) {
            throw new AccessDenied(actors.current().username() + " 无权导入审核数据");
        }
        if (!month.isBefore(YearMonth.now(clock.withZone(BeijingTime.ZONE)))) {
            throw new IllegalArgumentException("month：" + month + " 尚未结束，只能导入已结束月份的审核数据");
        }
        jdbc.sql("""
                        INSERT INTO airquality_provisional_area_day
                        SELECT d.*, ? FROM airquality_area_day d WHERE d.provisional AND d.day BETWEEN ? AND ?
                        ON CONFLICT DO NOTHING""")
                .params(Timestamp.from(clock.instant()), Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth())).update();
        IngestReport report = ingestion.ingest(submission, rows);
        if (report.rejected() > 0) {
            return new Outcome(report, null);
        }
        jdbc.sql("""
                        INSERT INTO airquality_reviewed_month (month, batch_id, reviewed_by, reviewed_at, reason) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (month) DO UPDATE SET batch_id = excluded.batch_id, reviewed_by = excluded.reviewed_by,
                                                          reviewed_at = excluded.reviewed_at, reason = excluded.reason""")
                .params(Date.valueOf(month.atDay(1)), report.batchId(), actors.current().username(),
                        Timestamp.from(clock.instant()), reason).update();
        results.settleReviewed(month.atDay(1).atStartOfDay(BeijingTime.ZONE).toInstant().plusSeconds(3600),
                month.plusMonths(1).atDay(1).atStartOfDay(BeijingTime.ZONE).toInstant());
        generation.advanceAfterCommit();
        audit.record("airquality.month.reviewed", "month", month.toString(), null, reason,
                Map.of("batch", report.batchId(), "received", report.received(), "revised", report.revised()));
        return new Outcome(report, find(month).orElseThrow());
    }

    /** Imports a reviewed-data file in {@code format} ({@code csv} or {@code china_sites}); see {@link #importReviewed}. */
    public Outcome importReviewedFile(YearMonth month, String format, String fileName, java.io.Reader input, String reason) {
        return importReviewed(month, new Ingestion.Submission("reviewed", format, fileName,
                reason == null || reason.isBlank() ? month + " 月度审核数据" : reason), reader(format, input), reason);
    }

    /** The reader of a reviewed-data file: Lantian's CSV layout or the national network's daily file. */
    private static RowSource reader(String format, java.io.Reader input) {
        return switch (format) {
            case "csv" -> new org.lantian.platform.monitoring.ObservationCsvReader(input);
            case "china_sites" -> new org.lantian.platform.monitoring.ChinaSitesReader(input);
            default -> throw new IllegalArgumentException("format：" + format + " 既不是 csv 也不是 china_sites");
        };
    }

    public List<Review> list() {
        return jdbc.sql("SELECT * FROM airquality_reviewed_month ORDER BY month DESC").query(ReviewedMonths::map).list();
    }

    public java.util.Optional<Review> find(YearMonth month) {
        return jdbc.sql("SELECT * FROM airquality_reviewed_month WHERE month = ?").param(Date.valueOf(month.atDay(1)))
                .query(ReviewedMonths::map).optional();
    }

    /** An area's month as first computed from real-time data, and as it stands after the review. */
    public record Comparison(YearMonth month, Review review, AirQualityPeriods.Figures provisional, AirQualityPeriods.Figures current) {
    }

    /**
     * @throws org.lantian.platform.monitoring.NotFound when the area is outside the actor's scope
     */
    public Comparison compare(String areaCode, YearMonth month) {
        Division area = periods.visibleArea(areaCode);
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        return new Comparison(month, find(month).orElse(null),
                periods.figures(area, from, to, AirQualityPeriods.DayTable.SUPERSEDED_PROVISIONAL), periods.area(areaCode, from, to));
    }

    private static Review map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Review(YearMonth.from(rs.getDate("month").toLocalDate()), rs.getLong("batch_id"), rs.getString("reviewed_by"),
                rs.getTimestamp("reviewed_at").toInstant(), rs.getString("reason"));
    }
}
