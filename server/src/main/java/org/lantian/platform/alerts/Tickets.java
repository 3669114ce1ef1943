package org.lantian.platform.alerts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.lantian.platform.geo.Division;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.geo.LonLat;
import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actor;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.AuditLog;
import org.lantian.platform.identity.Role;
import org.lantian.platform.monitoring.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The disposal tickets: raised by rules or pushed by hand, received, disposed, reported, verified or
 * returned. Every change is checked against the actor's role and county, written to the ticket's timeline
 * and to the audit log, and announced with a {@link TicketChanged} once committed.
 */
@Service
public class Tickets {

    /** Fire points must be out within 30 minutes (the plan's 焚烧火点半小时内扑灭). */
    public static final Duration FIRE_POINT_DEADLINE = Duration.ofMinutes(30);
    static final Duration FIRE_POINT_RECEIPT = Duration.ofMinutes(10);
    /** Fire points this close (satellite pixels are ~375 m; a patrol's position is a few tens of metres off) are one fire. */
    static final double FIRE_POINT_SAME_PLACE = 500;
    /** ... when pushed within this time of each other. */
    static final Duration FIRE_POINT_SAME_TIME = Duration.ofHours(6);

    /** A ticket was raised, merged, moved or escalated; {@code action} says which; {@code eventId} is its timeline entry. */
    public record TicketChanged(long eventId, long ticketId, String countyCode, String department, String action, String title,
                                TicketState state, Instant at) {
    }

    /** What a rule found, addressed to the place's owner. */
    record Raise(Rule rule, String placeKind, String placeCode, String placeName, String countyCode, String pollutant,
                 BigDecimal value, BigDecimal lon, BigDecimal lat, Instant dataHour, String detail) {
    }

    /**
     * A push by hand: a burning fire point (its deadline is 30 minutes) or another matter with its own
     * disposal minutes. The owner is the county whose boundary holds the point unless {@code countyCode} names one.
     */
    public record ManualPush(TicketSource source, String title, String detail, BigDecimal lon, BigDecimal lat, String countyCode,
                             String origin, String department, Integer disposalMinutes) {
    }

    /**
     * What the owner reports when the disposal is done. From the phone it also carries where the phone was
     * ({@code position}, optional) and the key the phone gave the report ({@code clientKey}, optional): a report
     * sent again with the same key is the same report and is stored once.
     */
    public record Report(CauseCategory causeCategory, String measures, String responders, String note, Position position,
                         String clientKey) {

        public Report(CauseCategory causeCategory, String measures, String responders, String note) {
            this(causeCategory, measures, responders, note, null, null);
        }
    }

    /** Where a phone was, as its browser measured it: WGS-84 degrees and the radius of doubt in metres. */
    public record Position(BigDecimal lon, BigDecimal lat, Integer accuracyMetres) {
    }

    /** Which tickets to list: all fields optional; {@code from}/{@code to} bound the push time. */
    public record Filter(String countyCode, Instant from, Instant to, String pollutant, TicketState state, TicketSource source,
                         Boolean open) {
    }

    public record TimelineEntry(long id, Instant at, String actor, String action, String note) {
    }

    public record Attachment(long id, long ticketId, String filename, String contentType, Instant uploadedAt, String uploadedBy) {
    }

    private final JdbcClient jdbc;
    private final Actors actors;
    private final AuditLog audit;
    private final Divisions divisions;
    private final ApplicationEventPublisher events;
    private final Webhooks webhooks;
    private final Clock clock;
    private final org.lantian.platform.enterprises.Facilities facilities;

    Tickets(JdbcClient jdbc, Actors actors, AuditLog audit, Divisions divisions, ApplicationEventPublisher events, Webhooks webhooks,
            Clock clock, org.lantian.platform.enterprises.Facilities facilities) {
        this.facilities = facilities;
        this.webhooks = webhooks;
        this.jdbc = jdbc;
        this.actors = actors;
        this.audit = audit;
        this.divisions = divisions;
        this.events = events;
        this.clock = clock;
    }

    // ---- raising -------------------------------------------------------------------------------------------

    /**
     * Raises a ticket for what a rule found, or merges it into the open ticket of the place: one incident,
     * one ticket, whichever rules fire there (each trigger stays in the timeline under its rule). A data
     * hour no later than one that already fired for this rule and place changes nothing (recomputed hours
     * must not count twice).
     *
     * @return the ticket's id, when something was raised or merged
     */
    @Transactional
    Optional<Long> raise(Raise r) {
        String placeKey = r.placeKind() + ":" + Objects.toString(r.placeCode(), "") + ":" + Objects.toString(r.rule().department(), "");
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param(placeKey).query(rs -> { });
        if (r.dataHour() != null && jdbc.sql("""
                        INSERT INTO alerts_trigger (rule_code, place_key, last_hour) VALUES (?, ?, ?)
                        ON CONFLICT (rule_code, place_key) DO UPDATE SET last_hour = EXCLUDED.last_hour
                         WHERE alerts_trigger.last_hour < EXCLUDED.last_hour""")
                .params(r.rule().code(), placeKey, Timestamp.from(r.dataHour())).update() == 0) {
            return Optional.empty();
        }
        Timestamp now = Timestamp.from(clock.instant());
        Optional<Long> open = jdbc.sql("""
                        UPDATE alerts_ticket SET triggers = triggers + 1, last_triggered_at = ?,
                                                 last_trigger_hour = GREATEST(last_trigger_hour, ?),
                                                 peak_value = CASE WHEN pollutant IS NOT DISTINCT FROM ? THEN GREATEST(peak_value, ?)
                                                                   ELSE peak_value END
                         WHERE merge_key = ? AND state <> 'CLOSED' RETURNING id""")
                .params(now, r.dataHour() == null ? null : Timestamp.from(r.dataHour()), r.pollutant(), r.value(), placeKey)
                .query(Long.class).optional();
        if (open.isPresent()) {
            event(open.get(), "merged", r.rule().name() + "：" + r.detail());
            return open;
        }
        long id = insert(TicketSource.RULE, r.rule().id(), placeKey, r.rule().name() + "：" + r.placeName(), r.detail(), r.placeKind(),
                r.placeCode(), r.placeName(), r.countyCode(), r.rule().department(), r.pollutant(), r.value(), r.lon(), r.lat(), null,
                Duration.ofMinutes(r.rule().receiptMinutes()), Duration.ofMinutes(r.rule().disposalMinutes()), r.dataHour());
        event(id, "pushed", r.rule().name() + "：" + r.detail());
        return Optional.of(id);
    }

    /**
     * What another module found to act on (the emergency module: a plant breaking its measure), addressed to the
     * place's county. {@code matter} names the one incident: a second finding of the same matter while its
     * ticket is open is merged into it (one incident, one ticket), its detail added to the timeline.
     */
    public record Finding(TicketSource source, String matter, String title, String detail, String placeKind, String placeCode,
                          String placeName, String countyCode, Duration receipt, Duration disposal) {
    }

    /** Raises the ticket of a finding, or merges it into the open one of the same matter; returns the ticket's id. */
    @Transactional
    public long raise(Finding f) {
        if (f.source() == TicketSource.RULE || f.source() == TicketSource.MANUAL || f.source() == TicketSource.FIRE_POINT) {
            throw new IllegalArgumentException("source：模块发现的事项应有自己的来源");
        }
        String key = f.source().name() + ":" + f.matter();
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param(key).query(rs -> { });
        Optional<Long> open = jdbc.sql("""
                        UPDATE alerts_ticket SET triggers = triggers + 1, last_triggered_at = ? WHERE merge_key = ? AND state <> 'CLOSED' RETURNING id""")
                .params(Timestamp.from(clock.instant()), key).query(Long.class).optional();
        if (open.isPresent()) {
            event(open.get(), "merged", f.detail());
            return open.get();
        }
        long id = insert(f.source(), null, key, f.title(), f.detail(), f.placeKind(), f.placeCode(), f.placeName(), f.countyCode(), null, null, null,
                null, null, null, f.receipt(), f.disposal(), null);
        event(id, "pushed", f.detail());
        audit.record("alerts.ticket.raised", "ticket", String.valueOf(id), f.countyCode(), f.title(), Map.of("source", f.source().name()));
        return id;
    }

    /** Pushes a fire point or another matter by hand. City office and city departments. */
    @Transactional
    public Ticket push(ManualPush p) {
        Actor actor = actors.current();
        if (actor.role() != Role.CITY_OFFICE && actor.role() != Role.DEPARTMENT) {
            throw new AccessDenied(actor.username() + " 无权推送工单");
        }
        if (p.source() == null || p.source() == TicketSource.RULE) {
            throw new IllegalArgumentException("source：应为 FIRE_POINT（火点）或 MANUAL（其他事项）");
        }
        if (p.title() == null || p.title().isBlank()) {
            throw new IllegalArgumentException("title：标题必填");
        }
        Division owner = owner(p);
        if (p.source() == TicketSource.FIRE_POINT && p.lon() != null && p.lat() != null) {
            Optional<Ticket> same = openFirePointNear(p.lon(), p.lat());
            if (same.isPresent()) {
                jdbc.sql("UPDATE alerts_ticket SET duplicates = duplicates + 1, last_triggered_at = ? WHERE id = ?")
                        .params(Timestamp.from(clock.instant()), same.get().id()).update();
                event(same.get().id(), "duplicate", "同一火点再次推送" + (p.origin() == null || p.origin().isBlank() ? "" : "（来源："
                        + p.origin().strip() + "）") + "：" + p.title().strip() + (p.detail() == null || p.detail().isBlank() ? "" : "，"
                        + p.detail().strip()));
                return get(same.get().id());
            }
        }
        Duration disposal = p.source() == TicketSource.FIRE_POINT ? FIRE_POINT_DEADLINE : Duration.ofMinutes(
                Optional.ofNullable(p.disposalMinutes()).filter(m -> m > 0).orElseThrow(
                        () -> new IllegalArgumentException("disposalMinutes：推送其他事项需要填写处置时限（分钟，大于 0）")));
        Duration receipt = p.source() == TicketSource.FIRE_POINT ? FIRE_POINT_RECEIPT : Duration.ofMinutes(Math.min(30, disposal.toMinutes()));
        String placeName = p.source() == TicketSource.FIRE_POINT ? "火点（" + owner.shortName() + "）" : owner.shortName();
        long id = insert(p.source(), null, null, p.title().strip(), p.detail() == null ? "" : p.detail().strip(), "POINT", null,
                placeName, owner.code(), blankToNull(p.department()), null, null, p.lon(), p.lat(), blankToNull(p.origin()),
                receipt, disposal, null);
        event(id, "pushed", p.detail());
        audit.record("alerts.ticket.pushed", "ticket", String.valueOf(id), owner.code(), p.title(),
                Map.of("source", p.source().name()));
        return get(id);
    }

    /**
     * An open fire point within {@link #FIRE_POINT_SAME_PLACE} pushed in the last {@link #FIRE_POINT_SAME_TIME}:
     * the same fire reported again (satellite, then patrol), not a new one.
     */
    private Optional<Ticket> openFirePointNear(BigDecimal lon, BigDecimal lat) {
        Timestamp since = Timestamp.from(clock.instant().minus(FIRE_POINT_SAME_TIME));
        return jdbc.sql("""
                        SELECT * FROM alerts_ticket
                         WHERE source = 'FIRE_POINT' AND state <> 'CLOSED' AND pushed_at >= ? AND lon IS NOT NULL
                         ORDER BY pushed_at""")
                .param(since).query(Tickets::map).list().stream()
                .filter(t -> LonLat.metresBetween(lon.doubleValue(), lat.doubleValue(), t.lon().doubleValue(), t.lat().doubleValue())
                        <= FIRE_POINT_SAME_PLACE)
                .findFirst();
    }

    private Division owner(ManualPush p) {
        if (p.countyCode() != null && !p.countyCode().isBlank()) {
            Division d = divisions.find(p.countyCode()).orElseThrow(() -> new IllegalArgumentException("countyCode：未知的县级单位 " + p.countyCode()));
            if (!d.isCountyLevel()) {
                throw new IllegalArgumentException("countyCode：" + p.countyCode() + " 不是县级单位");
            }
            return d;
        }
        if (p.lon() == null || p.lat() == null) {
            throw new IllegalArgumentException("lon、lat：未指定县（市、区）时需要填写经纬度");
        }
        return divisions.locate(p.lon().doubleValue(), p.lat().doubleValue()).orElseThrow(() -> new IllegalArgumentException(
                "lon、lat：点位 " + p.lon() + ", " + p.lat() + " 不在邯郸市任何县（市、区）境内"));
    }

    private long insert(TicketSource source, Long ruleId, String mergeKey, String title, String detail, String placeKind, String placeCode,
                        String placeName, String countyCode, String department, String pollutant, BigDecimal value, BigDecimal lon,
                        BigDecimal lat, String origin, Duration receipt, Duration disposal, Instant dataHour) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        INSERT INTO alerts_ticket (source, rule_id, merge_key, title, detail, place_kind, place_code, place_name, county_code,
                                                   department, pollutant, value, peak_value, lon, lat, origin, state, pushed_at, receipt_due,
                                                   disposal_due, last_triggered_at, last_trigger_hour, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PUSHED', ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(source.name(), ruleId, mergeKey, title, detail, placeKind, placeCode, placeName, countyCode, department, pollutant,
                        value, value, lon, lat, origin, Timestamp.from(now), Timestamp.from(now.plus(receipt)),
                        Timestamp.from(now.plus(disposal)), Timestamp.from(now), dataHour == null ? null : Timestamp.from(dataHour),
                        actors.current().username())
                .query(Long.class).single();
    }

    // ---- reading -------------------------------------------------------------------------------------------

    /** Tickets the actor may see that match the filter, newest first, at most {@code limit} (≤ 1 000). */
    public List<Ticket> list(Filter f, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        params.add(Math.max(1, Math.min(limit, 1000)));
        return jdbc.sql("SELECT * FROM alerts_ticket " + where + " ORDER BY pushed_at DESC, id DESC LIMIT ?")
                .params(params).query(Tickets::map).list();
    }

    /** How many tickets match, how many are open, overdue at {@code now}, and waiting to be received. */
    /** {@code awaitingReceipt}: pushed and still within the receipt time (a missed receipt is overdue). */
    public record Counts(long all, long open, long overdue, long awaitingReceipt) {
    }

    public Counts count(Filter f, Instant now) {
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(now), Timestamp.from(now), Timestamp.from(now)));
        String where = where(f, params);
        // overdue as Ticket.overdueAt says: the current deadline (a return's rework deadline), or a missed receipt
        return jdbc.sql("""
                        SELECT count(*), count(*) FILTER (WHERE state <> 'CLOSED'),
                               count(*) FILTER (WHERE state IN ('PUSHED', 'RECEIVED', 'DISPOSING', 'RETURNED')
                                                AND (CASE WHEN state = 'RETURNED' AND rework_due IS NOT NULL THEN rework_due
                                                          ELSE disposal_due END <= ?
                                                     OR state = 'PUSHED' AND receipt_due <= ?)),
                               count(*) FILTER (WHERE state = 'PUSHED' AND receipt_due > ?)
                          FROM alerts_ticket""" + " " + where)
                .params(params).query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }

    /** The WHERE clause of a filter within the actor's scope; appends its parameters. */
    private String where(Filter f, List<Object> params) {
        Actor actor = actors.current();
        StringBuilder where;
        if (actor.role() == Role.ENTERPRISE) {
            // an enterprise reads the tickets about itself: raised for it, or for a device on one of its outlets
            where = new StringBuilder("WHERE ((place_kind = 'ENTERPRISE' AND place_code = ?) OR (place_kind = 'DEVICE' AND place_code = ANY(?)))");
            params.add(java.util.Objects.requireNonNullElse(actor.enterpriseCode(), ""));
            params.add(ownDevices(actor).toArray(String[]::new));
        } else {
            where = new StringBuilder("WHERE (? OR county_code = ANY(?))");
            params.add(actor.scope().citywide());
            params.add(actor.scope().countyArray());
        }
        if (f.countyCode() != null && !f.countyCode().isBlank()) {
            where.append(" AND county_code = ?");
            params.add(f.countyCode());
        }
        if (f.from() != null) {
            where.append(" AND pushed_at >= ?");
            params.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            where.append(" AND pushed_at < ?");
            params.add(Timestamp.from(f.to()));
        }
        if (f.pollutant() != null && !f.pollutant().isBlank()) {
            where.append(" AND pollutant = ?");
            params.add(f.pollutant());
        }
        if (f.state() != null) {
            where.append(" AND state = ?");
            params.add(f.state().name());
        }
        if (f.source() != null) {
            where.append(" AND source = ?");
            params.add(f.source().name());
        }
        if (Boolean.TRUE.equals(f.open())) {
            where.append(" AND state <> 'CLOSED'");
        }
        return where.toString();
    }

    /**
     * One ticket.
     *
     * @throws NotFound when it does not exist or lies outside the actor's county
     */
    public Ticket get(long id) {
        Actor actor = actors.current();
        return find(id).filter(t -> mayRead(actor, t)).orElseThrow(() -> new NotFound("工单 " + id));
    }

    /** Whether the actor may read this ticket: within its county scope, or, for an enterprise, a ticket about itself. */
    private boolean mayRead(Actor actor, Ticket t) {
        if (actor.role() != Role.ENTERPRISE) {
            return maySee(actor, t.countyCode());
        }
        return ("ENTERPRISE".equals(t.placeKind()) && t.placeCode() != null && t.placeCode().equals(actor.enterpriseCode()))
                || ("DEVICE".equals(t.placeKind()) && ownDevices(actor).contains(t.placeCode()));
    }

    /** The devices bound to the outlets of the actor's enterprise. */
    private List<String> ownDevices(Actor actor) {
        if (actor.enterpriseCode() == null) {
            return List.of();
        }
        try {
            return facilities.outlets(actor.enterpriseCode()).stream().map(o -> o.deviceMn()).filter(java.util.Objects::nonNull).toList();
        } catch (NotFound gone) {
            return List.of();
        }
    }

    /** An enterprise answers a ticket about itself (what it found, what it did); the county still disposes of it. */
    @Transactional
    public Ticket reply(long id, String note) {
        Actor actor = actors.current();
        Ticket t = get(id);
        if (actor.role() != Role.ENTERPRISE) {
            throw new AccessDenied(actor.username() + " 无权以企业身份回复工单 " + id);
        }
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("note：请填写回复内容");
        }
        if (note.length() > 2000) {
            throw new IllegalArgumentException("note：回复不超过 2000 字，收到 " + note.length() + " 字");
        }
        event(id, "enterprise-replied", note);
        audit.record("alerts.ticket.enterprise-replied", "ticket", String.valueOf(id), t.countyCode(), note, Map.of());
        return get(id);
    }

    Optional<Ticket> find(long id) {
        return jdbc.sql("SELECT * FROM alerts_ticket WHERE id = ?").param(id).query(Tickets::map).optional();
    }

    public List<TimelineEntry> timeline(long id) {
        get(id);
        return jdbc.sql("SELECT id, at, actor, action, note FROM alerts_ticket_event WHERE ticket_id = ? ORDER BY id")
                .param(id).query((rs, n) -> new TimelineEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5))).list();
    }

    public List<Attachment> attachments(long id) {
        get(id);
        return jdbc.sql("SELECT id, ticket_id, filename, content_type, uploaded_at, uploaded_by FROM alerts_attachment WHERE ticket_id = ? ORDER BY id")
                .param(id).query((rs, n) -> new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6))).list();
    }

    /** The bytes of one attachment, for those who may see its ticket. */
    public byte[] attachmentBytes(long id, long attachmentId) {
        get(id);
        return jdbc.sql("SELECT bytes FROM alerts_attachment WHERE ticket_id = ? AND id = ?").params(id, attachmentId)
                .query(byte[].class).optional().orElseThrow(() -> new NotFound("工单 " + id + " 的附件 " + attachmentId));
    }

    public Attachment attachment(long id, long attachmentId) {
        return attachments(id).stream().filter(a -> a.id() == attachmentId).findFirst()
                .orElseThrow(() -> new NotFound("工单 " + id + " 的附件 " + attachmentId));
    }

    // ---- acting --------------------------------------------------------------------------------------------

    /** 签收: the owner takes the ticket. */
    @Transactional
    public Ticket receive(long id, String note) {
        return move(id, Set.of(TicketState.PUSHED), TicketState.RECEIVED, "received", note, false, "received_at = ?",
                Timestamp.from(clock.instant()));
    }

    /** The owner starts disposing (people are on their way). */
    @Transactional
    public Ticket startDisposal(long id, String note) {
        return move(id, Set.of(TicketState.RECEIVED, TicketState.RETURNED), TicketState.DISPOSING, "disposing", note, false, null);
    }

    /** A county hands the ticket down to a township or grid member; the county stays the owner. */
    @Transactional
    public Ticket handDown(long id, String assignee, String note) {
        if (assignee == null || assignee.isBlank()) {
            throw new IllegalArgumentException("assignee：请填写交办对象（乡镇或网格员）");
        }
        Ticket t = requireOwner(lock(id));
        if (!t.state().awaitsDisposal()) {
            throw new IllegalStateException("工单 #" + id + " " + t.state().label() + "，不能再下派");
        }
        jdbc.sql("UPDATE alerts_ticket SET assignee = ? WHERE id = ?").params(assignee.strip(), id).update();
        return record(t, "handed-down", "下派至 " + assignee.strip() + (note == null || note.isBlank() ? "" : "：" + note.strip()),
                t.state());
    }

    /** 反馈: the owner reports what was found and done. The first report is what the on-time test uses. */
    @Transactional
    public Ticket report(long id, Report report) {
        return report(id, report, List.of());
    }

    /** Stores a report whose key (if any) this actor has not sent before. */
    private Ticket store(long id, Report report) {
        String clientKey = checkedClientKey(report.clientKey());
        Position position = checkedPosition(report.position());
        if (report.causeCategory() == null) {
            throw new IllegalArgumentException("causeCategory：请选择原因类别");
        }
        if (report.measures() == null || report.measures().isBlank()) {
            throw new IllegalArgumentException("measures：请填写处置措施");
        }
        Timestamp now = Timestamp.from(clock.instant());
        Ticket reported = move(id, Set.of(TicketState.PUSHED, TicketState.RECEIVED, TicketState.DISPOSING, TicketState.RETURNED), TicketState.REPORTED,
                "reported", report.causeCategory().label() + "：" + report.measures().strip()
                        + (report.note() == null || report.note().isBlank() ? "" : "（" + report.note().strip() + "）")
                        + positionNote(id, position), false,
                "reported_at = ?, first_reported_at = COALESCE(first_reported_at, ?), received_at = COALESCE(received_at, ?), "
                        + "cause_category = ?, measures = ?, responders = ?",
                now, now, now, report.causeCategory().name(), report.measures().strip(), blankToNull(report.responders()));
        // the evidence uploaded since the last report belongs to this one
        jdbc.sql("""
                        UPDATE alerts_attachment SET report_event_id = (SELECT max(id) FROM alerts_ticket_event
                                                                         WHERE ticket_id = :id AND action = 'reported')
                         WHERE ticket_id = :id AND purpose = 'EVIDENCE' AND report_event_id IS NULL""")
                .param("id", id).update();
        if (position != null || clientKey != null) {
            jdbc.sql("""
                            UPDATE alerts_ticket_event SET lon = ?, lat = ?, accuracy_m = ?, client_key = ?
                             WHERE id = (SELECT max(id) FROM alerts_ticket_event WHERE ticket_id = ? AND action = 'reported')""")
                    .params(position == null ? null : position.lon(), position == null ? null : position.lat(),
                            position == null ? null : position.accuracyMetres(), clientKey, id)
                    .update();
        }
        return reported;
    }

    /**
     * The ticket as it stands if this actor already sent a report with this key: the phone's second send of a
     * report whose answer it never saw. A concurrent second send waits on the ticket's lock for the first.
     */
    private Optional<Ticket> alreadyReported(long id, String key) {
        String clientKey = checkedClientKey(key);
        if (clientKey == null) {
            return Optional.empty();
        }
        lock(id);
        Optional<Long> ticket = jdbc.sql("SELECT ticket_id FROM alerts_ticket_event WHERE actor = ? AND client_key = ?")
                .params(actors.current().username(), clientKey).query(Long.class).optional();
        if (ticket.isPresent() && ticket.get() != id) {
            throw new IllegalStateException("clientKey：" + clientKey + " 已用于工单 #" + ticket.get() + " 的反馈");
        }
        return ticket.map(same -> find(id).orElseThrow());
    }

    private static String checkedClientKey(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (!key.matches("[A-Za-z0-9-]{8,64}")) {
            throw new IllegalArgumentException("clientKey：应为 8–64 位字母、数字或连字符");
        }
        return key;
    }

    private static Position checkedPosition(Position p) {
        if (p == null || p.lon() == null && p.lat() == null) {
            return null;
        }
        if (p.lon() == null || p.lat() == null) {
            throw new IllegalArgumentException("position：经度和纬度须同时填写");
        }
        if (p.lon().abs().compareTo(BigDecimal.valueOf(180)) > 0 || p.lat().abs().compareTo(BigDecimal.valueOf(90)) > 0) {
            throw new IllegalArgumentException("position：经纬度超出范围（" + p.lon() + ", " + p.lat() + "）");
        }
        if (p.accuracyMetres() != null && (p.accuracyMetres() < 0 || p.accuracyMetres() > 100_000)) {
            throw new IllegalArgumentException("position.accuracyMetres：定位精度应在 0–100000 米之间");
        }
        return new Position(p.lon().setScale(6, java.math.RoundingMode.HALF_UP), p.lat().setScale(6, java.math.RoundingMode.HALF_UP),
                p.accuracyMetres());
    }

    /** The position as the timeline says it, with its distance from the ticket's place where that has one. */
    private String positionNote(long id, Position p) {
        if (p == null) {
            return "";
        }
        Ticket t = find(id).orElseThrow();
        String accuracy = p.accuracyMetres() == null ? "" : "，精度 ±" + p.accuracyMetres() + " 米";
        String distance = t.lon() == null || t.lat() == null ? "" : "，距点位 " + Math.round(LonLat.metresBetween(
                p.lon().doubleValue(), p.lat().doubleValue(), t.lon().doubleValue(), t.lat().doubleValue())) + " 米";
        return "［现场定位 " + p.lon().toPlainString() + ", " + p.lat().toPlainString() + accuracy + distance + "］";
    }

    /** 反馈 with its photos, in one step: the files are the report's evidence, or nothing is stored. */
    @Transactional
    public Ticket report(long id, Report report, List<org.lantian.platform.files.Upload> evidence) {
        Optional<Ticket> sent = alreadyReported(id, report.clientKey());
        if (sent.isPresent()) {
            return sent.get(); // its photos came with the first send
        }
        for (org.lantian.platform.files.Upload file : evidence) {
            attach(id, file.filename(), file.contentType(), file.bytes());
        }
        return store(id, report);
    }

    /** The evidence that came with the latest report. */
    public List<Attachment> reportEvidence(long id) {
        get(id);
        return jdbc.sql("""
                        SELECT id, ticket_id, filename, content_type, uploaded_at, uploaded_by FROM alerts_attachment
                         WHERE ticket_id = :id AND report_event_id = (SELECT max(id) FROM alerts_ticket_event
                                                                       WHERE ticket_id = :id AND action = 'reported')
                         ORDER BY id""")
                .param("id", id)
                .query((rs, n) -> new Attachment(rs.getLong("id"), rs.getLong("ticket_id"), rs.getString("filename"),
                        rs.getString("content_type"), rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by")))
                .list();
    }

    /**
     * 办结: the city office accepts the report. A report must come with evidence (a photo or file); the
     * office may close one without only by saying why ({@code waiveEvidence}), which is recorded.
     */
    @Transactional
    public Ticket verify(long id, String note, String waiveEvidence) {
        get(id);
        if (!actors.current().isCityOffice()) {
            throw new AccessDenied(actors.current().username() + " 无权办结工单 " + id);
        }
        if (reportEvidence(id).isEmpty()) {
            if (waiveEvidence == null || waiveEvidence.isBlank()) {
                throw new IllegalStateException("工单 #" + id + " 的反馈没有现场照片或材料，不能办结；确无材料时，市大气办须说明免于举证的理由");
            }
            Ticket closed = move(id, Set.of(TicketState.REPORTED), TicketState.CLOSED, "closed", note, true,
                    "closed_at = ?, evidence_waived_by = ?, evidence_waived_reason = ?", Timestamp.from(clock.instant()),
                    actors.current().username(), waiveEvidence.strip());
            event(id, "evidence-waived", waiveEvidence.strip());
            return closed;
        }
        return move(id, Set.of(TicketState.REPORTED), TicketState.CLOSED, "closed", note, true, "closed_at = ?",
                Timestamp.from(clock.instant()));
    }

    /** 退回: the city office sends the report back; the owner must dispose and report again. */
    @Transactional
    public Ticket returnToOwner(long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason：请填写退回原因");
        }
        Ticket t = get(id);
        // the rework gets the ticket's own disposal time again, from now; the first deadline stays for the assessment
        Instant reworkDue = clock.instant().plus(Duration.between(t.pushedAt(), t.disposalDue()));
        return move(id, Set.of(TicketState.REPORTED), TicketState.RETURNED, "returned",
                reason.strip() + "（整改期限 " + AlertTimes.minute(reworkDue) + "）", true,
                "returns = returns + 1, rework_due = ?, rework_escalated_at = NULL", Timestamp.from(reworkDue));
    }

    /** Adds a photo or file as evidence: the owner, or the city office. */
    @Transactional
    public Attachment attach(long id, String filename, String contentType, byte[] bytes) {
        Ticket t = lock(id);
        if (!actors.current().isCityOffice()) {
            requireOwner(t);
        }
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("file: 文件为空");
        }
        String name = org.lantian.platform.files.EvidenceFiles.cleanName(filename);
        if (bytes.length > org.lantian.platform.files.EvidenceFiles.MAX_BYTES) {
            throw new IllegalArgumentException("file: 文件“" + name + "”超过 10 MB");
        }
        // the bytes decide the type, not the client's word for it
        String type = org.lantian.platform.files.EvidenceFiles.typeOf(bytes).orElseThrow(() -> new IllegalArgumentException(
                "file: 文件“" + name + "”不是 JPEG、PNG、WebP 图片或 PDF 文档"));
        Instant now = clock.instant();
        // the owner's files are evidence for its next report; the office's accompany the push (unless the city owns it)
        boolean office = actors.current().isCityOffice() && !Divisions.CITY_CODE.equals(t.countyCode());
        String purpose = office ? "PUSH" : "EVIDENCE";
        long attachmentId = jdbc.sql("""
                        INSERT INTO alerts_attachment (ticket_id, filename, content_type, bytes, uploaded_at, uploaded_by, purpose)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(id, name, type, bytes, Timestamp.from(now), actors.current().username(), purpose)
                .query(Long.class).single();
        record(t, "attached", name, t.state());
        return new Attachment(attachmentId, id, name, type, now, actors.current().username());
    }

    /**
     * Moves a ticket from one of {@code from} to {@code to}, setting {@code set} (SQL assignments) too.
     *
     * @param cityOfficeOnly verification and return are the city office's; the rest are the owner's
     */
    private Ticket move(long id, Set<TicketState> from, TicketState to, String action, String note, boolean cityOfficeOnly,
                        String set, Object... params) {
        Ticket t = lock(id);
        if (cityOfficeOnly) {
            if (!actors.current().isCityOffice()) {
                throw new AccessDenied(actors.current().username() + " 无权对工单 " + id + " 执行“" + action + "”");
            }
        } else {
            requireOwner(t);
        }
        if (!from.contains(t.state())) {
            throw new IllegalStateException("工单 #" + id + " 当前为“" + t.state().label() + "”，不能" + ACTION_LABELS.getOrDefault(action, action));
        }
        List<Object> values = new ArrayList<>(List.of(to.name()));
        values.addAll(java.util.Arrays.asList(params));
        values.add(id);
        jdbc.sql("UPDATE alerts_ticket SET state = ?" + (set == null ? "" : ", " + set) + " WHERE id = ?").params(values).update();
        return record(t, action, note, to);
    }

    private Ticket record(Ticket before, String action, String note, TicketState state) {
        event(before.id(), action, note);
        audit.record("alerts.ticket." + action, "ticket", String.valueOf(before.id()), before.countyCode(), note,
                Map.of("from", before.state().name(), "to", state.name()));
        return find(before.id()).orElseThrow();
    }

    /** The ticket, locked for the change, if the actor may see it. */
    private Ticket lock(long id) {
        Actor actor = actors.current();
        requireReader(actor);
        return jdbc.sql("SELECT * FROM alerts_ticket WHERE id = ? FOR UPDATE").param(id).query(Tickets::map).optional()
                .filter(t -> maySee(actor, t.countyCode())).orElseThrow(() -> new NotFound("工单 " + id));
    }

    /** Who works a ticket: a county user of its county, a user of its department, or the city office. */
    static boolean mayAct(Actor actor, Ticket t) {
        boolean county = actor.role() == Role.COUNTY && actor.scope().covers(t.countyCode());
        boolean department = actor.role() == Role.DEPARTMENT && t.department() != null && t.department().equals(actor.organisation());
        return county || department || actor.isCityOffice();
    }

    /** Who sees a ticket of {@code countyCode}: anyone but enterprises, within their county scope. */
    static boolean maySee(Actor actor, String countyCode) {
        return actor.role() != Role.ENTERPRISE && actor.scope().covers(countyCode);
    }

    private Ticket requireOwner(Ticket t) {
        Actor actor = actors.current();
        if (!mayAct(actor, t)) {
            throw new AccessDenied(actor.username() + " 无权办理工单 " + t.id() + "（属 " + t.countyCode() + "）");
        }
        return t;
    }

    private static void requireReader(Actor actor) {
        if (actor.role() == Role.ENTERPRISE) {
            throw new AccessDenied(actor.username() + " 无权查看处置工单");
        }
    }

    /**
     * Writes the timeline entry and the webhook deliveries, and announces the change (to browsers) once the
     * transaction commits.
     */
    long event(long id, String action, String note) {
        Instant now = clock.instant();
        long eventId = jdbc.sql("INSERT INTO alerts_ticket_event (ticket_id, at, actor, action, note) VALUES (?, ?, ?, ?, ?) RETURNING id")
                .params(id, Timestamp.from(now), actors.current().username(), action, blankToNull(note)).query(Long.class).single();
        Ticket t = find(id).orElseThrow();
        TicketChanged changed = new TicketChanged(eventId, id, t.countyCode(), t.department(), action, t.title(), t.state(), now);
        webhooks.enqueue(changed);
        events.publishEvent(changed);
        return eventId;
    }

    /**
     * The changes after timeline entry {@code afterEventId} that the actor may see, oldest first (at most
     * 200): what a browser missed while its connection was down.
     */
    List<TicketChanged> changesSince(long afterEventId, Actor actor) {
        return jdbc.sql("""
                        SELECT e.id, e.ticket_id, t.county_code, t.department, e.action, t.title, t.state, e.at
                          FROM alerts_ticket_event e JOIN alerts_ticket t ON t.id = e.ticket_id
                         WHERE e.id > ? AND (? OR t.county_code = ANY(?)) ORDER BY e.id LIMIT 200""")
                .params(afterEventId, actor.scope().citywide(), actor.scope().countyArray())
                .query((rs, n) -> new TicketChanged(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), TicketState.valueOf(rs.getString(7)), rs.getTimestamp(8).toInstant()))
                .list();
    }

    static final Map<String, String> ACTION_LABELS = Map.ofEntries(
            Map.entry("pushed", "推送"), Map.entry("merged", "再次触发"), Map.entry("received", "签收"),
            Map.entry("disposing", "开始处置"), Map.entry("handed-down", "下派"), Map.entry("reported", "反馈处置结果"),
            Map.entry("closed", "审核办结"), Map.entry("returned", "退回"), Map.entry("attached", "上传附件"),
            Map.entry("receipt-overdue", "签收超时，升级提醒"), Map.entry("disposal-overdue", "处置超时，升级至县区领导和市大气办"),
            Map.entry("effect-checked", "处置效果核查"), Map.entry("rework-overdue", "整改超时，升级至县区领导和市大气办"),
            Map.entry("duplicate", "重复推送，已并入"), Map.entry("evidence-waived", "免于举证"),
            Map.entry("enterprise-replied", "企业回复"));

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Ticket map(ResultSet rs, int row) throws SQLException {
        return new Ticket(rs.getLong("id"), TicketSource.valueOf(rs.getString("source")), (Long) rs.getObject("rule_id"),
                rs.getString("title"), rs.getString("detail"), rs.getString("place_kind"), rs.getString("place_code"),
                rs.getString("place_name"), rs.getString("county_code"), rs.getString("department"), rs.getString("pollutant"),
                rs.getBigDecimal("value"), rs.getBigDecimal("peak_value"), rs.getBigDecimal("lon"), rs.getBigDecimal("lat"),
                rs.getString("origin"), TicketState.valueOf(rs.getString("state")), instant(rs, "pushed_at"), instant(rs, "receipt_due"),
                instant(rs, "disposal_due"), instant(rs, "received_at"), instant(rs, "reported_at"), instant(rs, "first_reported_at"),
                instant(rs, "closed_at"), instant(rs, "receipt_escalated_at"), instant(rs, "disposal_escalated_at"), rs.getString("assignee"),
                rs.getString("cause_category") == null ? null : CauseCategory.valueOf(rs.getString("cause_category")),
                rs.getString("measures"), rs.getString("responders"), rs.getInt("returns"), rs.getInt("triggers"),
                instant(rs, "last_triggered_at"), (Boolean) rs.getObject("effective"), rs.getString("effect_note"), rs.getString("created_by"),
                instant(rs, "rework_due"), rs.getInt("duplicates"), rs.getString("evidence_waived_by"), rs.getString("evidence_waived_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
