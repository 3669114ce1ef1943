package org.lantian.platform.participation;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.lantian.platform.alerts.Ticket;
import org.lantian.platform.alerts.TicketSource;
import org.lantian.platform.alerts.Tickets;
import org.lantian.platform.files.EvidenceFiles;
import org.lantian.platform.files.Upload;
import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.AuditLog;
import org.lantian.platform.monitoring.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reports from the public, their tracking codes, and the city office's intake queue. */
@Service
public class PublicReports {

    public enum Category {
        INDUSTRY("工业废气"), DUST("扬尘"), BURNING("露天焚烧"), VEHICLES("机动车尾气"), CATERING("餐饮油烟"), OTHER("其他污染"), SUGGESTION("建言献策");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        RECEIVED("已收到，待处理"), PUSHED("已转属地处置"), ANSWERED("已答复"), DISMISSED("经核实不予受理");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What a tracking code reveals: the status, and the office's public answer, nothing of the report or the reporter. */
    public record Tracking(String code, String category, Instant receivedAt, Status status, String statusLabel, String answer) {
    }

    /** A report as the office sees it, the reporter's contact and address included. */
    public record Intake(long id, String code, Category category, String text, BigDecimal lon, BigDecimal lat, String contact, String remote,
                         Instant receivedAt, Status status, Long ticketId, String answer, int photos) {
    }

    static final int MAX_PHOTOS = 3;
    /** The plan's clock for a pushed matter: two hours (a burning fire point has its own 30 minutes). */
    static final int DISPOSAL_MINUTES = 120;
    static final long MAX_PHOTO_BYTES = 5L * 1024 * 1024;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final SubmissionLimit limit;
    private final Tickets tickets;
    private final Actors actors;
    private final AuditLog audit;
    private final Clock clock;

    PublicReports(JdbcClient jdbc, SubmissionLimit limit, Tickets tickets, Actors actors, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.limit = limit;
        this.tickets = tickets;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
    }

    /** Takes a report from anyone (within the rate); returns its tracking code. */
    @Transactional
    public Tracking submit(Category category, String text, BigDecimal lon, BigDecimal lat, String contact, String remote, List<Upload> photos) {
        if (category == null) {
            throw new IllegalArgumentException("category：请选择类别");
        }
        if (text == null || text.isBlank() || text.strip().length() > 1000) {
            throw new IllegalArgumentException("text：请描述情况（不超过 1000 字）");
        }
        if ((lon == null) != (lat == null) || lon != null && (lon.doubleValue() < 113 || lon.doubleValue() > 116 || lat.doubleValue() < 36
                || lat.doubleValue() > 37.5)) {
            throw new IllegalArgumentException("lon、lat：位置应在邯郸市范围内（或不填）");
        }
        if (contact != null && contact.strip().length() > 100) {
            throw new IllegalArgumentException("contact：联系方式不超过 100 字");
        }
        if (photos.size() > MAX_PHOTOS) {
            throw new IllegalArgumentException("photos：最多 " + MAX_PHOTOS + " 张照片");
        }
        for (Upload p : photos) {
            String name = EvidenceFiles.cleanName(p.filename());
            if (p.bytes().length > MAX_PHOTO_BYTES) {
                throw new IllegalArgumentException("photos：“" + name + "”超过 5 MB");
            }
            if (EvidenceFiles.typeOf(p.bytes()).filter(t -> t.startsWith("image/")).isEmpty()) {
                throw new IllegalArgumentException("photos：“" + name + "”不是照片（JPEG、PNG、WebP）");
            }
        }
        limit.take(remote == null ? "?" : remote);
        String code = code();
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        INSERT INTO participation_report (code, category, text, lon, lat, contact, remote, received_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(code, category.name(), text.strip(), lon, lat, contact == null || contact.isBlank() ? null : contact.strip(), remote,
                        Timestamp.from(now)).query(Long.class).single();
        for (Upload p : photos) {
            jdbc.sql("INSERT INTO participation_photo (report_id, filename, content_type, bytes) VALUES (?, ?, ?, ?)")
                    .params(id, EvidenceFiles.cleanName(p.filename()), EvidenceFiles.typeOf(p.bytes()).orElseThrow(), p.bytes()).update();
        }
        return track(code);
    }

    /** The status of a report by its code. */
    public Tracking track(String code) {
        if (code == null || !code.matches("[A-Z0-9]{10}")) {
            throw new NotFound("查询码 " + code);
        }
        return jdbc.sql("SELECT code, category, received_at, status, answer FROM participation_report WHERE code = ?").param(code)
                .query((rs, n) -> {
                    Status s = Status.valueOf(rs.getString(4));
                    return new Tracking(rs.getString(1), Category.valueOf(rs.getString(2)).label(), rs.getTimestamp(3).toInstant(), s, s.label(),
                            rs.getString(5));
                }).optional().orElseThrow(() -> new NotFound("查询码 " + code));
    }

    /** The intake queue, those waiting first: city office. */
    public List<Intake> intake(boolean waitingOnly) {
        requireCityOffice();
        return jdbc.sql("""
                        SELECT r.*, (SELECT count(*) FROM participation_photo p WHERE p.report_id = r.id) AS photos FROM participation_report r
                         WHERE NOT ? OR status = 'RECEIVED' ORDER BY (status = 'RECEIVED') DESC, received_at DESC LIMIT 500""")
                .param(waitingOnly).query((rs, n) -> new Intake(rs.getLong("id"), rs.getString("code"), Category.valueOf(rs.getString("category")),
                        rs.getString("text"), rs.getBigDecimal("lon"), rs.getBigDecimal("lat"), rs.getString("contact"), rs.getString("remote"),
                        rs.getTimestamp("received_at").toInstant(), Status.valueOf(rs.getString("status")),
                        (Long) rs.getObject("ticket_id"), rs.getString("answer"), rs.getInt("photos"))).list();
    }

    /**
     * Pushes a report through the dispatch module (its photos go with it): city office. The owner is the county
     * whose boundary holds the report's position, or {@code countyCode} when the office names it (a report
     * without a position, whose place the text gives).
     */
    @Transactional
    public Ticket push(long id, String countyCode) {
        requireCityOffice();
        Intake r = waiting(id);
        boolean named = countyCode != null && !countyCode.isBlank();
        if (r.lon() == null && !named) {
            throw new IllegalArgumentException("countyCode：举报没有位置，请根据举报内容选择属地县（市、区）后推送，或答复");
        }
        Ticket t = tickets.push(new Tickets.ManualPush(r.category() == Category.BURNING ? TicketSource.FIRE_POINT : TicketSource.MANUAL,
                "公众举报：" + r.category().label(), r.text(), r.lon(), r.lat(), named ? countyCode : null, "公众举报 " + r.code(), null,
                r.category() == Category.BURNING ? null : DISPOSAL_MINUTES));
        jdbc.sql("SELECT filename, content_type, bytes FROM participation_photo WHERE report_id = ? ORDER BY id").param(id)
                .query(rs -> {
                    tickets.attach(t.id(), rs.getString(1), rs.getString(2), rs.getBytes(3));
                });
        handled(id, Status.PUSHED, t.id(), "已转" + "属地处置，编号 #" + t.id());
        return t;
    }

    /** A report's photos, without their bytes: city office. */
    public List<Photo> photos(long id) {
        requireCityOffice();
        return jdbc.sql("SELECT id, filename, content_type FROM participation_photo WHERE report_id = ? ORDER BY id").param(id)
                .query((rs, n) -> new Photo(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** One photo's bytes: city office. */
    public byte[] photoBytes(long id, long photoId) {
        requireCityOffice();
        return jdbc.sql("SELECT bytes FROM participation_photo WHERE report_id = ? AND id = ?").params(id, photoId).query(byte[].class)
                .optional().orElseThrow(() -> new NotFound("举报 " + id + " 的照片 " + photoId));
    }

    public record Photo(long id, String filename, String contentType) {
    }

    /** Answers a report (a suggestion, or one that needs no push), or dismisses it: city office; the answer is public. */
    @Transactional
    public Tracking answer(long id, String answer, boolean dismiss) {
        requireCityOffice();
        Intake r = waiting(id);
        if (answer == null || answer.isBlank() || answer.length() > 1000) {
            throw new IllegalArgumentException("answer：请填写答复（不超过 1000 字），它将向举报人公开");
        }
        handled(id, dismiss ? Status.DISMISSED : Status.ANSWERED, null, answer.strip());
        return track(r.code());
    }

    private Intake waiting(long id) {
        Intake r = intake(false).stream().filter(x -> x.id() == id).findFirst().orElseThrow(() -> new NotFound("举报 " + id));
        if (r.status() != Status.RECEIVED) {
            throw new IllegalStateException("举报 " + r.code() + " 已处理：" + r.status().label());
        }
        return r;
    }

    private void handled(long id, Status status, Long ticket, String answer) {
        jdbc.sql("UPDATE participation_report SET status = ?, ticket_id = ?, answer = ?, handled_by = ?, handled_at = ? WHERE id = ?")
                .params(status.name(), ticket, answer, actors.current().username(), Timestamp.from(clock.instant()), id).update();
        audit.record("participation.report." + status.name().toLowerCase(java.util.Locale.ROOT), "public-report", String.valueOf(id), null, answer,
                Map.of());
    }

    private void requireCityOffice() {
        if (!actors.current().isCityOffice()) {
            throw new AccessDenied(actors.current().username() + " 无权处理公众举报（市大气办）");
        }
    }

    private static String code() {
        StringBuilder b = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
