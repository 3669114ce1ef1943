package org.lantian.platform.emergency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lantian.platform.alerts.Instructions;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.monitoring.NotFound;
import org.lantian.standards.BeijingTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notices of a warning's steps: each county in its area gets an instruction of the alerts module (its
 * plants, their measures at the level, the deadline to confirm; the instruction's receipts, live stream and
 * reply are the county's confirmation), and each plant of the area its own measure with a receipt. A plant
 * that has not confirmed by the deadline is named to its county in a second instruction (the escalation).
 */
@Service
public class Notices {

    /** A plant's notice as the enterprise reads it. */
    public record Notice(long id, long warningId, Warnings.Action action, WarningLevel level, String measure, Instant sentAt, Instant dueAt,
                         Instant readAt, Instant confirmedAt, String confirmedBy) {
    }

    /** How many of an area's plants have read and confirmed a warning's latest notice. */
    public record Receipts(String countyCode, String name, int plants, int read, int confirmed, int overdue) {
    }

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final Instructions instructions;
    private final Measures measures;
    private final Divisions divisions;
    private final Actors actors;
    private final Clock clock;
    private final Duration confirmWithin;

    Notices(JdbcClient jdbc, javax.sql.DataSource dataSource, Instructions instructions, Measures measures, Divisions divisions, Actors actors, Clock clock,
            @Value("${lantian.emergency.confirm-within:2h}") Duration confirmWithin) {
        this.jdbc = jdbc;
        this.batch = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        this.instructions = instructions;
        this.measures = measures;
        this.divisions = divisions;
        this.actors = actors;
        this.clock = clock;
        this.confirmWithin = confirmWithin;
    }

    /** Sends the notices of a step: an instruction to each county of the area, a notice to each of its plants. */
    void send(Warning w, Warnings.Action action, String reason) {
        Instant now = clock.instant();
        Instant due = now.plus(confirmWithin);
        List<String> counties = w.citywide() ? divisions.countyLevelUnits().stream().map(d -> d.code()).toList() : w.counties();
        String what = action.label();
        String span = BeijingTime.minute(w.startsAt()) + " 至 " + BeijingTime.minute(w.endsAt());
        for (String county : counties) {
            int plants = jdbc.sql("SELECT count(*) FROM emergency_plant_measure WHERE current AND level = ? AND county_code = ?")
                    .params(w.level().name(), county).query(Integer.class).single();
            String title = w.level().label() + " " + what + "：" + divisions.find(county).map(d -> d.shortName()).orElse(county);
            String body = action == Warnings.Action.LIFTED
                    ? "重污染天气" + w.level().label() + "已于 " + BeijingTime.minute(now) + " 解除，本县 " + plants + " 家企业可恢复正常生产。依据：" + reason
                    : "重污染天气" + w.level().label() + "（" + span + "）。本县 " + plants + " 家企业须按“一厂一策”落实本级别应急减排措施"
                    + "（清单见“重污染应急 → 各企业措施清单”），请于 " + BeijingTime.minute(due) + " 前确认收到并组织落实。依据：" + reason;
            var instruction = instructions.issue(title, body, List.of(county), due, "预警通知（#" + w.id() + "）");
            if (action != Warnings.Action.LIFTED) {
                jdbc.sql("""
                                INSERT INTO emergency_notice (warning_id, action, level, credit_code, county_code, measure, sent_at, due_at, instruction_id)
                                SELECT ?, ?, level, credit_code, county_code, text, ?, ?, ? FROM emergency_plant_measure
                                 WHERE current AND level = ? AND county_code = ?""")
                        .params(w.id(), action.name(), Timestamp.from(now), Timestamp.from(due), instruction.id(), w.level().name(), county).update();
            }
        }
    }

    /** A receipt kept on paper or by phone for a warning recorded afterwards: when the plant was told and when it confirmed (null: never). */
    public record ArchivedReceipt(String creditCode, Instant sentAt, Instant confirmedAt, String confirmedBy) {
    }

    static final int MAX_ARCHIVED = 10_000;

    /**
     * Records the receipts of a warning entered from the archive (city office), so its evaluation shows who was
     * told and who confirmed: each plant once, with its measure at the warning's level; only for an ended warning
     * that sent no notices of its own.
     */
    @Transactional
    public int recordArchived(Warning w, List<ArchivedReceipt> receipts) {
        if (!actors.current().isCityOffice()) {
            throw new org.lantian.platform.identity.AccessDenied(actors.current().username() + " 无权补录预警回执");
        }
        if (receipts == null || receipts.isEmpty() || receipts.size() > MAX_ARCHIVED) {
            throw new IllegalArgumentException("receipts：每次补录 1–" + MAX_ARCHIVED + " 条");
        }
        if (w.endedAt().isAfter(clock.instant())) {
            throw new IllegalStateException("预警 #" + w.id() + " 尚未结束：回执由平台发送通知时自动记录，不能补录");
        }
        if (jdbc.sql("SELECT count(*) FROM emergency_notice WHERE warning_id = ?").param(w.id()).query(Integer.class).single() > 0) {
            throw new IllegalStateException("预警 #" + w.id() + " 已有通知和回执记录");
        }
        Map<String, Measures.Measure> measured = new LinkedHashMap<>();
        measures.everyPlant(w.level()).forEach(m -> measured.put(m.creditCode(), m));
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < receipts.size(); i++) {
            ArchivedReceipt r = receipts.get(i);
            Measures.Measure m = r.creditCode() == null ? null : measured.get(r.creditCode());
            if (m == null || !w.covers(m.countyCode())) {
                throw new IllegalArgumentException("receipts[" + i + "].creditCode：" + r.creditCode() + " 不在该预警范围内的减排清单上");
            }
            if (!seen.add(r.creditCode())) {
                throw new IllegalArgumentException("receipts[" + i + "].creditCode：" + r.creditCode() + " 重复");
            }
            if (r.sentAt() == null || r.sentAt().isAfter(w.endedAt())) {
                throw new IllegalArgumentException("receipts[" + i + "].sentAt：通知时间应不晚于预警结束");
            }
            if (r.confirmedAt() != null && (r.confirmedAt().isBefore(r.sentAt()) || r.confirmedAt().isAfter(clock.instant()))) {
                throw new IllegalArgumentException("receipts[" + i + "].confirmedAt：确认时间应在通知之后、现在之前");
            }
            String by = r.confirmedAt() == null ? null : r.confirmedBy() == null || r.confirmedBy().isBlank() ? "补录" : r.confirmedBy().strip();
            if (by != null && by.length() > 100) {
                throw new IllegalArgumentException("receipts[" + i + "].confirmedBy：不超过 100 字");
            }
            Timestamp confirmed = r.confirmedAt() == null ? null : Timestamp.from(r.confirmedAt());
            rows.add(new Object[] {w.id(), w.level().name(), m.creditCode(), m.countyCode(), m.text(), Timestamp.from(r.sentAt()),
                    Timestamp.from(r.sentAt().plus(confirmWithin)), confirmed, confirmed, by});
        }
        batch.batchUpdate("""
                INSERT INTO emergency_notice (warning_id, action, level, credit_code, county_code, measure, sent_at, due_at, read_at, confirmed_at,
                                              confirmed_by) VALUES (?, 'ISSUED', ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        return rows.size();
    }

    /** The notices to the actor's enterprise, newest first; opening them records that they were read. */
    @Transactional
    public List<Notice> mine() {
        String plant = actors.current().enterpriseCode();
        if (plant == null) {
            return List.of();
        }
        jdbc.sql("UPDATE emergency_notice SET read_at = ? WHERE credit_code = ? AND read_at IS NULL")
                .params(Timestamp.from(clock.instant()), plant).update();
        return jdbc.sql("SELECT * FROM emergency_notice WHERE credit_code = ? ORDER BY sent_at DESC, id DESC LIMIT 50").param(plant)
                .query((rs, n) -> map(rs)).list();
    }

    /** The enterprise confirms it received a notice and carries out its measure. */
    @Transactional
    public Notice confirm(long id) {
        var actor = actors.current();
        if (actor.enterpriseCode() == null) {
            throw new AccessDenied(actor.username() + " 不是企业账号，不能代企业确认");
        }
        Notice n = jdbc.sql("SELECT * FROM emergency_notice WHERE id = ? AND credit_code = ?").params(id, actor.enterpriseCode())
                .query((rs, i) -> map(rs)).optional().orElseThrow(() -> new NotFound("预警通知 " + id));
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("UPDATE emergency_notice SET read_at = coalesce(read_at, ?), confirmed_at = coalesce(confirmed_at, ?), "
                        + "confirmed_by = coalesce(confirmed_by, ?) WHERE id = ?")
                .params(now, now, actor.username(), id).update();
        return jdbc.sql("SELECT * FROM emergency_notice WHERE id = ?").param(n.id()).query((rs, i) -> map(rs)).single();
    }

    /** Each county's receipts of a warning's latest step, in the actor's area. */
    public List<Receipts> receipts(long warningId) {
        var scope = actors.current().scope();
        Instant now = clock.instant();
        List<Receipts> rows = new ArrayList<>();
        jdbc.sql("""
                        SELECT county_code, count(*), count(read_at), count(confirmed_at), count(*) FILTER (WHERE confirmed_at IS NULL AND due_at <= ?)
                          FROM emergency_notice n
                         WHERE warning_id = ? AND sent_at = (SELECT max(sent_at) FROM emergency_notice m WHERE m.warning_id = n.warning_id)
                           AND (? OR county_code = ANY(?))
                         GROUP BY county_code ORDER BY county_code""")
                .params(Timestamp.from(now), warningId, scope.citywide(), scope.countyArray())
                .query(rs -> {
                    rows.add(new Receipts(rs.getString(1), divisions.find(rs.getString(1)).map(d -> d.shortName()).orElse(rs.getString(1)),
                            rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
                });
        return rows;
    }

    /**
     * Names to each county, once per notice, the plants that have not confirmed by the deadline while the warning
     * is still on: an instruction listing them (the escalation), through the same channel as the notice.
     */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${lantian.emergency.escalation-interval:5m}",
            initialDelayString = "${lantian.emergency.escalation-interval:5m}")
    @Transactional
    public void escalate() {
        actors.asSystem(() -> {
            Map<String, List<String>> late = new LinkedHashMap<>();
            List<Long> ids = new ArrayList<>();
            jdbc.sql("""
                            SELECT id, county_code, credit_code FROM emergency_notice
                             WHERE confirmed_at IS NULL AND due_at <= ? AND escalated_at IS NULL
                               AND EXISTS (SELECT 1 FROM emergency_warning w WHERE w.id = warning_id AND coalesce(w.lifted_at, w.ends_at) > ?)
                             ORDER BY county_code, credit_code""")
                    .params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant()))
                    .query(rs -> {
                        ids.add(rs.getLong(1));
                        late.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3));
                    });
            if (ids.isEmpty()) {
                return;
            }
            late.forEach((county, plants) -> instructions.issue("应急减排通知未确认：" + plants.size() + " 家企业",
                    "以下企业（统一社会信用代码）未在时限内确认收到预警通知，请督促落实应急减排措施：" + String.join("、", plants),
                    List.of(county), clock.instant().plus(confirmWithin), "预警通知逾期未确认"));
            jdbc.sql("UPDATE emergency_notice SET escalated_at = ? WHERE id = ANY(?)")
                    .params(Timestamp.from(clock.instant()), ids.toArray(Long[]::new)).update();
        });
    }

    private static Notice map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Notice(rs.getLong("id"), rs.getLong("warning_id"), Warnings.Action.valueOf(rs.getString("action")),
                WarningLevel.valueOf(rs.getString("level")), rs.getString("measure"), rs.getTimestamp("sent_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(), instant(rs, "read_at"), instant(rs, "confirmed_at"), rs.getString("confirmed_by"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
