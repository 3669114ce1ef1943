package org.lantian.platform.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.lantian.platform.airquality.AirQualityNow;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.monitoring.Stations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clocks: escalates tickets whose receipt or disposal deadline passed, and checks after a reported
 * disposal whether the station's next hours are clean. Deadlines live in the tickets' rows, and each
 * escalation is claimed by one UPDATE that sets its timestamp, so after a restart every passed deadline
 * fires, and none fires twice.
 */
@Component
class Deadlines {

    private final org.lantian.platform.cluster.ClusterJobs jobs;

    /** A disposal whose effect hours never came is left unjudged after this long. */
    static final Duration EFFECT_PATIENCE = Duration.ofHours(6);

    private final JdbcClient jdbc;
    private final Tickets tickets;
    private final Rules rules;
    private final AirQualityNow airQuality;
    private final Stations stations;
    private final Duty duty;
    private final Actors actors;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Deadlines(JdbcClient jdbc, Tickets tickets, Rules rules, AirQualityNow airQuality, Stations stations, Duty duty, Actors actors,
              TransactionTemplate transactions, Clock clock, org.lantian.platform.cluster.ClusterJobs jobs) {
        this.jobs = jobs;
        this.duty = duty;
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.rules = rules;
        this.airQuality = airQuality;
        this.stations = stations;
        this.actors = actors;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        run();
    }

    @Scheduled(fixedDelayString = "${lantian.alerts.clock-interval:30s}", initialDelayString = "${lantian.alerts.clock-interval:30s}")
    public void run() {
        jobs.once("alerts.deadlines", () -> {
            actors.asSystem(() -> {
                escalate();
                checkEffects();
            });
        });
    }

    /** Claims and announces every passed deadline not yet escalated. */
    void escalate() {
        transactions.executeWithoutResult(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            List<Long> lateReceipts = jdbc.sql("""
                            UPDATE alerts_ticket SET receipt_escalated_at = ?
                             WHERE state = 'PUSHED' AND receipt_due <= ? AND receipt_escalated_at IS NULL RETURNING id""")
                    .params(now, now).query(Long.class).list();
            lateReceipts.forEach(id -> tickets.event(id, "receipt-overdue", "签收期限已过，提醒县区值班人员"));
            // a returned ticket works to its rework deadline; the first deadline stays for the assessment
            List<Object[]> lateDisposals = jdbc.sql("""
                            UPDATE alerts_ticket SET disposal_escalated_at = ?
                             WHERE (state IN ('PUSHED', 'RECEIVED', 'DISPOSING') OR state = 'RETURNED' AND rework_due IS NULL)
                               AND disposal_due <= ? AND disposal_escalated_at IS NULL RETURNING id, county_code""")
                    .params(now, now).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
            lateDisposals.forEach(t -> tickets.event((Long) t[0], "disposal-overdue",
                    "处置期限已过，已升级至县区领导和市大气办" + leaderOnDuty((String) t[1], now.toInstant())));
            List<Object[]> lateReworks = jdbc.sql("""
                            UPDATE alerts_ticket SET rework_escalated_at = ?
                             WHERE state = 'RETURNED' AND rework_due <= ? AND rework_escalated_at IS NULL RETURNING id, county_code""")
                    .params(now, now).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
            lateReworks.forEach(t -> tickets.event((Long) t[0], "rework-overdue",
                    "退回整改期限已过，已升级至县区领导和市大气办" + leaderOnDuty((String) t[1], now.toInstant())));
        });
    }

    /** "（今日带班领导：…）" from the county's duty roster, when it has one for today. */
    private String leaderOnDuty(String county, Instant now) {
        return duty.on(county, AlertTimes.date(now)).filter(shift -> shift.leader() != null)
                .map(shift -> "（今日带班领导：" + shift.leader() + (shift.leaderPhone() == null ? "" : "，电话 " + shift.leaderPhone()) + "）")
                .orElse("");
    }

    /**
     * For reported station tickets whose effect hours have passed: effective when no station rule fired at the
     * place in the hours after the report that have data; not effective when any did.
     */
    void checkEffects() {
        Instant now = clock.instant();
        // only station-value rules have an effect to check; other tickets never enter this query again and again
        List<Ticket> waiting = jdbc.sql("""
                        SELECT t.* FROM alerts_ticket t JOIN alerts_rule r ON r.id = t.rule_id AND r.kind = 'STATION_VALUES'
                         WHERE t.place_kind = 'STATION' AND t.first_reported_at IS NOT NULL
                           AND t.effective IS NULL AND t.effect_note IS NULL""")
                .query(Tickets::map).list();
        List<Rule> active = rules.enabled(RuleKind.STATION_VALUES);
        for (Ticket t : waiting) {
            Optional<Rule> rule = rules.find(t.ruleId());
            if (rule.isEmpty()) {
                continue;
            }
            Instant reported = t.firstReportedAt().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            Instant end = reported.plus(Duration.ofHours(rule.get().definition().effectHours()));
            if (now.isBefore(end)) {
                continue;
            }
            // one incident, one ticket: the disposal worked when no station rule fires there again, not only the first
            List<Rule> incident = new java.util.ArrayList<>(active);
            if (incident.stream().noneMatch(r -> r.id() == rule.get().id())) {
                incident.add(rule.get());
            }
            judge(t, incident, reported, end, now);
        }
    }

    private void judge(Ticket t, List<Rule> incident, Instant reported, Instant end, Instant now) {
        var handan = stations.list(AlertTimes.date(end)).stream().filter(s -> s.countyCode() != null).toList();
        var station = handan.stream().filter(s -> s.code().equals(t.placeCode())).findFirst();
        if (station.isEmpty()) {
            return;
        }
        Instant reach = reported.minus(Duration.ofHours(24));
        HourSnapshot data = new HourSnapshot(handan,
                airQuality.stationHoursForRules(handan.stream().map(s -> s.code()).toList(), reach, end),
                airQuality.areaHoursForRules(reach, end));
        int hoursWithData = 0;
        int firing = 0;
        for (Instant hour = reported.plus(Duration.ofHours(1)); !hour.isAfter(end); hour = hour.plus(Duration.ofHours(1))) {
            if (data.hasHour(t.placeCode(), hour)) {
                hoursWithData++;
                Instant h = hour;
                if (incident.stream().anyMatch(rule -> RuleEvaluator.fires(rule, station.get(), h, data).isPresent())) {
                    firing++;
                }
            }
        }
        Boolean effective;
        String note;
        if (firing > 0) {
            effective = false;
            note = "反馈后 " + Duration.between(reported, end).toHours() + " 小时内仍有 " + firing + " 个小时触发规则";
        } else if (hoursWithData > 0) {
            effective = true;
            note = "反馈后 " + hoursWithData + " 个有数据的小时均未触发规则";
        } else if (now.isAfter(end.plus(EFFECT_PATIENCE))) {
            effective = null;
            note = "反馈后无监测数据，无法判断处置效果";
        } else {
            return; // the hours may still arrive
        }
        transactions.executeWithoutResult(status -> {
            int claimed = jdbc.sql("UPDATE alerts_ticket SET effective = ?, effect_note = ? WHERE id = ? AND effective IS NULL AND effect_note IS NULL")
                    .params(effective, note, t.id()).update();
            if (claimed == 1) {
                tickets.event(t.id(), "effect-checked", (effective == null ? "" : effective ? "有效：" : "无效：") + note);
            }
        });
    }
}
