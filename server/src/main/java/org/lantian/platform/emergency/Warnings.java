package org.lantian.platform.emergency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actor;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.AuditLog;
import org.lantian.platform.monitoring.NotFound;
import org.lantian.standards.BeijingTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The warnings: proposed from the latest forecast under the rules of the day, issued by the city office for
 * the city or named counties, then raised, lowered, extended or lifted, every step with its reason, audited
 * and published ({@link Changed}) for those who must act on it. The 2024 rules forbid a warning issued only to
 * meet targets, so no step is taken without a reason.
 */
@Service
public class Warnings {

    /** The longest span one step may set (a warning is re-assessed at least this often). */
    static final Duration MAX_SPAN = Duration.ofDays(15);

    /** What stands for the proposal of a warning recorded afterwards. */
    static final String RECORDED_PAST = "补录的历史预警";

    public enum Action {
        ISSUED("发布"), RAISED("升级"), LOWERED("降级"), EXTENDED("延长"), LIFTED("解除");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A step of a warning. */
    public record Event(Instant at, Action action, WarningLevel level, Instant endsAt, String reason, String actor) {
    }

    /** A warning was issued or changed. */
    public record Changed(long warningId, Action action, WarningLevel level, List<String> counties) {
    }

    /** What the rules propose from the latest forecast, under which version. */
    public record Proposal(String ruleVersion, String ruleName, Instant forecastIssuedAt, WarningLevel level, String explanation) {
    }

    private final JdbcClient jdbc;
    private final Forecasts forecasts;
    private final WarningRules rules;
    private final Divisions divisions;
    private final Actors actors;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final Measures measures;
    private final Notices notices;

    Warnings(JdbcClient jdbc, Forecasts forecasts, WarningRules rules, Measures measures, Notices notices, Divisions divisions, Actors actors,
             AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.measures = measures;
        this.notices = notices;
        this.jdbc = jdbc;
        this.forecasts = forecasts;
        this.rules = rules;
        this.divisions = divisions;
        this.actors = actors;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** What the rules in force today propose from the latest forecast's periods still to come (an old forecast proposes nothing). */
    public Proposal propose() {
        WarningRule rule = rules.on(LocalDate.now(clock.withZone(BeijingTime.ZONE)));
        var latest = forecasts.latest();
        Instant now = clock.instant();
        WarningRule.Proposal p = rule.propose(latest.map(Forecasts.Issue::periods).orElse(List.of()).stream()
                .filter(period -> period.end().isAfter(now)).toList());
        return new Proposal(rule.code(), rule.name(), latest.map(Forecasts.Issue::issuedAt).orElse(null), p.level(), p.explanation());
    }

    /** Issues a warning for the city (no counties) or the named counties: city office. */
    @Transactional
    public Warning issue(WarningLevel level, List<String> counties, Instant startsAt, Instant endsAt, String reason) {
        requireCityOffice();
        if (level == null) {
            throw new IllegalArgumentException("level：请选择预警级别（YELLOW、ORANGE、RED）");
        }
        List<String> area = checkedArea(counties);
        checkSpan(startsAt, endsAt);
        String why = reasonOf(reason);
        Instant now = clock.instant();
        for (Warning w : inForceOrPlanned(startsAt.isAfter(now) ? startsAt : now, endsAt)) {   // what has ended stays ended
            if (w.overlapsArea(area)) {
                throw new IllegalStateException("已有" + w.level().label() + "（#" + w.id() + "）覆盖同一地区，请调整其级别或延长，而不是另发");
            }
        }
        long id = insert(level, area, startsAt, endsAt, propose().explanation(), why, now);
        return step(id, Action.ISSUED, level, endsAt, why);
    }

    /**
     * Records a warning that has already ended (one issued before the platform kept them, entered from the
     * archive, so past episodes can be evaluated): city office. No notice is sent for it; its plant measures are
     * those in force when it is recorded.
     */
    @Transactional
    public Warning recordPast(WarningLevel level, List<String> counties, Instant startsAt, Instant endsAt, String reason) {
        requireCityOffice();
        if (level == null) {
            throw new IllegalArgumentException("level：请选择预警级别（YELLOW、ORANGE、RED）");
        }
        List<String> area = checkedArea(counties);
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt) || endsAt.isAfter(clock.instant())) {
            throw new IllegalArgumentException("endsAt：补录的预警应已结束：结束晚于开始，且不晚于现在");
        }
        if (Duration.between(startsAt, endsAt).compareTo(MAX_SPAN) > 0) {
            throw new IllegalArgumentException("endsAt：一次预警不超过 15 天");
        }
        String why = reasonOf(reason);
        long id = insert(level, area, startsAt, endsAt, RECORDED_PAST, why, startsAt);
        jdbc.sql("INSERT INTO emergency_warning_event (warning_id, at, action, level, ends_at, reason, actor) VALUES (?, ?, 'ISSUED', ?, ?, ?, ?)")
                .params(id, Timestamp.from(startsAt), level.name(), Timestamp.from(endsAt), why, actors.current().username()).update();
        audit.record("emergency.warning.recorded", "warning", String.valueOf(id), null, why,
                Map.of("level", level.name(), "startsAt", startsAt.toString(), "endsAt", endsAt.toString()));
        return find(id);
    }

    /** A new warning under the rules of its start day, using the plant measures in force now. */
    private long insert(WarningLevel level, List<String> area, Instant startsAt, Instant endsAt, String proposal, String reason, Instant issuedAt) {
        return jdbc.sql("""
                        INSERT INTO emergency_warning (level, counties, starts_at, ends_at, rule_version, proposal, reason, issued_by, issued_at,
                                                       template_version, measures_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(level.name(), area.isEmpty() ? null : area.toArray(String[]::new), Timestamp.from(startsAt), Timestamp.from(endsAt),
                        rules.on(LocalDate.ofInstant(startsAt, BeijingTime.ZONE)).code(), proposal, reason, actors.current().username(),
                        Timestamp.from(issuedAt), measures.templateVersion(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    /** Raises or lowers a warning in force to another level. */
    @Transactional
    public Warning changeLevel(long id, WarningLevel to, String reason) {
        requireCityOffice();
        Warning w = inForce(id);
        if (to == null || to == w.level()) {
            throw new IllegalArgumentException("level：请选择与现在（" + w.level().colour() + "）不同的级别");
        }
        String why = reasonOf(reason);
        jdbc.sql("UPDATE emergency_warning SET level = ? WHERE id = ?").params(to.name(), id).update();
        return step(id, to.compareTo(w.level()) > 0 ? Action.RAISED : Action.LOWERED, to, w.endsAt(), why);
    }

    /** Extends a warning in force to a later end. */
    @Transactional
    public Warning extend(long id, Instant endsAt, String reason) {
        requireCityOffice();
        Warning w = inForce(id);
        if (endsAt == null || !endsAt.isAfter(w.endsAt())) {
            throw new IllegalArgumentException("endsAt：延长后的结束时间应晚于现在的 " + BeijingTime.minute(w.endsAt()));
        }
        checkSpan(w.startsAt(), endsAt);
        String why = reasonOf(reason);
        jdbc.sql("UPDATE emergency_warning SET ends_at = ? WHERE id = ?").params(Timestamp.from(endsAt), id).update();
        return step(id, Action.EXTENDED, w.level(), endsAt, why);
    }

    /** Lifts a warning now (before its planned end, or ends one not yet started). */
    @Transactional
    public Warning lift(long id, String reason) {
        requireCityOffice();
        Warning w = find(id);
        Instant now = clock.instant();
        if (w.liftedAt() != null || !now.isBefore(w.endsAt())) {
            throw new IllegalStateException("预警 #" + id + " 已结束");
        }
        String why = reasonOf(reason);
        jdbc.sql("UPDATE emergency_warning SET lifted_at = ? WHERE id = ?").params(Timestamp.from(now), id).update();
        return step(id, Action.LIFTED, w.level(), w.endsAt(), why);
    }

    private Warning step(long id, Action action, WarningLevel level, Instant endsAt, String reason) {
        jdbc.sql("INSERT INTO emergency_warning_event (warning_id, at, action, level, ends_at, reason, actor) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, Timestamp.from(clock.instant()), action.name(), level.name(), Timestamp.from(endsAt), reason, actors.current().username())
                .update();
        Warning w = find(id);
        notices.send(w, action, reason);
        audit.record("emergency.warning." + action.name().toLowerCase(java.util.Locale.ROOT), "warning", String.valueOf(id), null, reason,
                Map.of("level", level.name(), "endsAt", endsAt.toString(), "counties", String.join(",", w.counties())));
        events.publishEvent(new Changed(id, action, level, w.counties()));
        return w;
    }

    /** A warning the actor may see: every signed-in user sees the city's warnings (they are public). */
    public Warning find(long id) {
        return jdbc.sql("SELECT * FROM emergency_warning WHERE id = ?").param(id).query(Warnings::map).optional()
                .orElseThrow(() -> new NotFound("预警 " + id));
    }

    private Warning inForce(long id) {
        Warning w = find(id);
        if (w.liftedAt() != null || !clock.instant().isBefore(w.endsAt())) {
            throw new IllegalStateException("预警 #" + id + " 已结束，不能再调整");
        }
        return w;
    }

    /** The warnings in force now or still to start that cover the actor's area (all of them for citywide users), strictest first. */
    public List<Warning> inForceNow() {
        Instant now = clock.instant();
        Actor actor = actors.current();
        return jdbc.sql("SELECT * FROM emergency_warning WHERE coalesce(lifted_at, ends_at) > ?").param(Timestamp.from(now))
                .query(Warnings::map).list().stream()
                .filter(w -> actor.scope().citywide() || w.citywide() || w.counties().stream().anyMatch(actor.scope()::covers))
                .sorted(java.util.Comparator.comparing(Warning::level).reversed()).toList();
    }

    private List<Warning> inForceOrPlanned(Instant from, Instant to) {
        return jdbc.sql("SELECT * FROM emergency_warning WHERE starts_at < ? AND coalesce(lifted_at, ends_at) > ? ORDER BY starts_at")
                .params(Timestamp.from(to), Timestamp.from(from)).query(Warnings::map).list();
    }

    /** Warnings that started in the last {@code days} days or are still to end, newest first. */
    public List<Warning> recent(int days) {
        return jdbc.sql("SELECT * FROM emergency_warning WHERE coalesce(lifted_at, ends_at) >= ? ORDER BY starts_at DESC LIMIT 200")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(days)))).query(Warnings::map).list();
    }

    /** A stretch of a warning at one level. */
    public record Span(WarningLevel level, Instant from, Instant to) {

        /** Its length in days (hours / 24), six decimals. */
        public java.math.BigDecimal days() {
            return java.math.BigDecimal.valueOf(Duration.between(from, to).toSeconds())
                    .divide(java.math.BigDecimal.valueOf(86_400), 6, java.math.RoundingMode.HALF_EVEN);
        }
    }

    /** A warning's stretches at each level from its start to its end or {@code until}, whichever is first, as it was raised and lowered. */
    public List<Span> spans(Warning w, Instant until) {
        Instant end = w.endedAt().isBefore(until) ? w.endedAt() : until;
        List<Span> spans = new java.util.ArrayList<>();
        List<Event> events = eventsOf(w.id());
        WarningLevel level = events.stream().filter(e -> e.action() == Action.ISSUED).map(Event::level).findFirst().orElse(w.level());
        Instant cursor = w.startsAt();
        for (Event e : events) {
            if (e.action() != Action.RAISED && e.action() != Action.LOWERED) {
                continue;
            }
            Instant at = e.at().isBefore(w.startsAt()) ? w.startsAt() : e.at().isAfter(end) ? end : e.at();
            if (at.isAfter(cursor)) {
                spans.add(new Span(level, cursor, at));
                cursor = at;
            }
            level = e.level();
        }
        if (end.isAfter(cursor)) {
            spans.add(new Span(level, cursor, end));
        }
        return spans;
    }

    /**
     * The strictest warning in force over a county at a moment, at the level it had then: what a plant's data of
     * that moment are judged against.
     */
    java.util.Optional<Warning> over(String countyCode, Instant at) {
        // of two warnings at one level the one in force first, every time: a breach's ticket is kept per warning
        return jdbc.sql("""
                        SELECT * FROM emergency_warning WHERE starts_at <= ? AND coalesce(lifted_at, ends_at) > ?
                           AND (counties IS NULL OR ? = ANY(counties))
                         ORDER BY starts_at, id""")
                .params(Timestamp.from(at), Timestamp.from(at), countyCode).query(Warnings::map).list().stream()
                .map(w -> w.atLevel(spans(w, at.plusSeconds(1)).stream().reduce((a, b) -> b).map(Span::level).orElse(w.level())))
                .max(java.util.Comparator.comparing(Warning::level));
    }

    public List<Event> events(long id) {
        find(id);
        return eventsOf(id);
    }

    /** A warning's steps, for a warning already in hand. */
    private List<Event> eventsOf(long id) {
        return jdbc.sql("SELECT * FROM emergency_warning_event WHERE warning_id = ? ORDER BY id").param(id)
                .query((rs, n) -> new Event(rs.getTimestamp("at").toInstant(), Action.valueOf(rs.getString("action")),
                        WarningLevel.valueOf(rs.getString("level")), rs.getTimestamp("ends_at").toInstant(), rs.getString("reason"),
                        rs.getString("actor"))).list();
    }

    private List<String> checkedArea(List<String> counties) {
        if (counties == null || counties.isEmpty()) {
            return List.of();
        }
        if (counties.size() > 50) {
            throw new IllegalArgumentException("counties：县（市、区）不超过 50 个");
        }
        var units = divisions.countyLevelUnits().stream().map(d -> d.code()).toList();
        for (int i = 0; i < counties.size(); i++) {
            if (!units.contains(counties.get(i))) {
                throw new IllegalArgumentException("counties[" + i + "]：“" + counties.get(i) + "”不是邯郸市的县级单位代码");
            }
        }
        return counties.stream().distinct().sorted().toList();
    }

    private void checkSpan(Instant startsAt, Instant endsAt) {
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("endsAt：请填写开始和结束时间，结束晚于开始");
        }
        if (Duration.between(startsAt, endsAt).compareTo(MAX_SPAN) > 0) {
            throw new IllegalArgumentException("endsAt：一次发布或延长不超过 15 天，到期前请研判后再延长");
        }
        if (endsAt.isBefore(clock.instant())) {
            throw new IllegalArgumentException("endsAt：结束时间已过");
        }
    }

    private static String reasonOf(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason：请填写依据（会商结论、预报研判）；不得仅为完成考核目标而启动、升级或延长预警");
        }
        if (reason.length() > 2000) {
            throw new IllegalArgumentException("reason：依据不超过 2000 字");
        }
        return reason.strip();
    }

    private void requireCityOffice() {
        if (!actors.current().isCityOffice()) {
            throw new AccessDenied(actors.current().username() + " 无权发布或调整重污染天气预警");
        }
    }

    static Warning map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.sql.Array counties = rs.getArray("counties");
        Timestamp lifted = rs.getTimestamp("lifted_at");
        return new Warning(rs.getLong("id"), WarningLevel.valueOf(rs.getString("level")),
                counties == null ? List.of() : Arrays.asList((String[]) counties.getArray()), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), lifted == null ? null : lifted.toInstant(), rs.getString("rule_version"),
                rs.getString("proposal"), rs.getString("reason"), rs.getString("issued_by"), rs.getTimestamp("issued_at").toInstant(),
                (Integer) rs.getObject("template_version"), rs.getTimestamp("measures_at") == null ? null : rs.getTimestamp("measures_at").toInstant());
    }
}
