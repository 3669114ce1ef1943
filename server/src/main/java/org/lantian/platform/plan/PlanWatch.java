package org.lantian.platform.plan;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lantian.platform.alerts.Instructions;
import org.lantian.platform.identity.Actors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the plan's deadlines through the dispatch module's instructions (one channel for every order the
 * office gives): a reminder to the responsible units {@code lantian.plan.remind-days} (7) before a deadline of an
 * item not done, and, once a task or project is overdue, an instruction to its lead unit (a project's: its
 * county) to finish it and report. Each is said once per item. Items overdue for longer than
 * {@code lantian.plan.overdue-lookback-days} (30) when first seen are not announced: an old plan loaded today is
 * not news. And once a month, from the {@code lantian.plan.report-day}, the units that have reported nothing that
 * month are called to.
 */
@Component
class PlanWatch {

    private final org.lantian.platform.cluster.ClusterJobs jobs;

    private final JdbcClient jdbc;
    private final Plans plans;
    private final Progress progress;
    private final Instructions instructions;
    private final Actors actors;
    private final Clock clock;
    private final int remindDays;
    private final int lookbackDays;
    private final int reportDay;

    PlanWatch(JdbcClient jdbc, Plans plans, Progress progress, Instructions instructions, Actors actors, Clock clock,
              @Value("${lantian.plan.remind-days:7}") int remindDays, @Value("${lantian.plan.overdue-lookback-days:30}") int lookbackDays,
              @Value("${lantian.plan.report-day:25}") int reportDay, org.lantian.platform.cluster.ClusterJobs jobs) {
        this.jobs = jobs;
        this.reportDay = reportDay;
        this.jdbc = jdbc;
        this.plans = plans;
        this.progress = progress;
        this.instructions = instructions;
        this.actors = actors;
        this.clock = clock;
        this.remindDays = remindDays;
        this.lookbackDays = lookbackDays;
    }

    /** What one pass said: reminders and overdue instructions issued, and units called to report for the month. */
    record Pass(int reminders, int overdue, int called) {

        Pass(int reminders, int overdue) {
            this(reminders, overdue, 0);
        }
    }

    @Scheduled(fixedDelayString = "${lantian.plan.watch-interval:1h}", initialDelayString = "${lantian.plan.watch-interval:1h}")
    @Transactional
    public Pass watch() {
        return jobs.once("plan.watch", () -> actors.asSystem(() -> {
            LocalDate today = progress.today();
            int reminders = 0;
            int overdue = 0;
            for (PlanItems.Plan plan : plans.plans()) {
                if (plan.year() < today.getYear() - 1) {
                    continue;
                }
                Map<String, Progress.State> states = progress.states(plan.year(), today);
                for (PlanItems.Task t : plans.tasks(plan.year())) {
                    Progress.State s = states.get(Progress.key(PlanItems.Kind.TASK, t.id()));
                    List<String> units = instructable(t.leadUnits());
                    String what = "任务“" + t.name() + "”：" + PlanItems.oneLine(t.target(), 40);
                    if (announce(PlanItems.Kind.TASK, t.id(), t.deadline(), s, units, what, today)) {
                        if (s.status() == ItemStatus.OVERDUE) {
                            overdue++;
                        } else {
                            reminders++;
                        }
                    }
                }
                for (PlanItems.Project p : plans.projects(plan.year())) {
                    Progress.State s = states.get(Progress.key(PlanItems.Kind.PROJECT, p.id()));
                    String what = "附件" + p.annex() + "项目“" + (p.enterprise() == null ? "" : p.enterprise() + " ") + p.content() + "”";
                    if (announce(PlanItems.Kind.PROJECT, p.id(), p.deadline(), s, List.of(p.countyCode()), what, today)) {
                        if (s.status() == ItemStatus.OVERDUE) {
                            overdue++;
                        } else {
                            reminders++;
                        }
                    }
                }
            }
            return new Pass(reminders, overdue, calls(today));
        })).orElse(new Pass(0, 0, 0));
    }

    /**
     * The monthly schedule: from {@code lantian.plan.report-day} (the 25th) of a month, each unit with items of
     * this year's plan still open that has reported nothing this month is called, once, to report its progress.
     */
    int callForReports(LocalDate today) {
        return actors.asSystem(() -> calls(today));
    }

    private int calls(LocalDate today) {
        if (today.getDayOfMonth() < reportDay || plans.plans().stream().noneMatch(p -> p.year() == today.getYear())) {
            return 0;
        }
        int year = today.getYear();
        LocalDate month = today.withDayOfMonth(1);
        Map<String, Progress.State> states = progress.states(year, today);
        Map<String, Integer> open = new java.util.TreeMap<>();
        for (PlanItems.Task t : plans.tasks(year)) {
            if (states.get(Progress.key(PlanItems.Kind.TASK, t.id())).status() != ItemStatus.DONE) {
                instructable(t.leadUnits()).forEach(u -> open.merge(u, 1, Integer::sum));
            }
        }
        for (PlanItems.Project p : plans.projects(year)) {
            if (states.get(Progress.key(PlanItems.Kind.PROJECT, p.id())).status() != ItemStatus.DONE) {
                open.merge(p.countyCode(), 1, Integer::sum);
            }
        }
        java.util.Set<String> reported = new java.util.HashSet<>(jdbc.sql("""
                        SELECT DISTINCT unit FROM plan_report r WHERE reported_at >= ?
                           AND ((item_kind = 'TASK' AND item_id IN (SELECT id FROM plan_task WHERE year = ?))
                             OR (item_kind = 'PROJECT' AND item_id IN (SELECT id FROM plan_project WHERE year = ?))
                             OR (item_kind = 'TARGET' AND item_id IN (SELECT id FROM plan_target WHERE year = ?)))""")
                .params(Timestamp.from(month.atStartOfDay(org.lantian.standards.BeijingTime.ZONE).toInstant()), year, year, year)
                .query(String.class).list());
        int called = 0;
        for (var unit : open.entrySet()) {
            if (reported.contains(unit.getKey())) {
                continue;
            }
            int fresh = jdbc.sql("INSERT INTO plan_report_call (unit, month, sent_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(unit.getKey(), java.sql.Date.valueOf(month), Timestamp.from(clock.instant())).update();
            if (fresh == 0) {
                continue;
            }
            var instruction = instructions.issue("请报送 " + month.getMonthValue() + " 月方案任务进展",
                    year + " 年度方案中本单位负责的 " + unit.getValue() + " 项任务或项目尚未完成，本月尚未报送进展。请于月底前在平台“方案调度”逐项报送。",
                    List.of(unit.getKey()), month.plusMonths(1).atStartOfDay(org.lantian.standards.BeijingTime.ZONE).toInstant(), "方案调度：月度报送");
            jdbc.sql("UPDATE plan_report_call SET instruction_id = ? WHERE unit = ? AND month = ?")
                    .params(instruction.id(), unit.getKey(), java.sql.Date.valueOf(month)).update();
            called++;
        }
        return called;
    }

    private boolean announce(PlanItems.Kind kind, long id, LocalDate deadline, Progress.State s, List<String> units, String what, LocalDate today) {
        if (deadline == null || s.status() == ItemStatus.DONE || units.isEmpty()) {
            return false;
        }
        long daysLeft = ChronoUnit.DAYS.between(today, deadline);
        String notice;
        String title;
        String body;
        if (s.status() == ItemStatus.OVERDUE) {
            if (-daysLeft > lookbackDays) {
                return false;
            }
            notice = "OVERDUE";
            title = "方案事项逾期：" + PlanItems.oneLine(what, 40);
            body = what + "，完成时限 " + deadline + "，已逾期 " + (-daysLeft) + " 天" + (s.percent() == null ? "，尚无经审核的进展"
                    : "，最近审核的进度 " + s.percent() + "%") + "。请抓紧完成，并在平台“方案调度”报送进展。";
        } else if (daysLeft <= remindDays) {
            notice = "REMINDER";
            title = "方案事项即将到期：" + PlanItems.oneLine(what, 40);
            body = what + "，完成时限 " + deadline + "（还有 " + daysLeft + " 天）" + (s.percent() == null ? "，尚无经审核的进展"
                    : "，最近审核的进度 " + s.percent() + "%") + "。请按时完成并报送进展。";
        } else {
            return false;
        }
        int fresh = jdbc.sql("INSERT INTO plan_notice (item_kind, item_id, kind, sent_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(kind.name(), id, notice, Timestamp.from(clock.instant())).update();
        if (fresh == 0) {
            return false;
        }
        var instruction = instructions.issue(title, body, units, clock.instant().plus(Duration.ofDays(7)), "方案调度：" + kind.name() + " #" + id);
        jdbc.sql("UPDATE plan_notice SET instruction_id = ? WHERE item_kind = ? AND item_id = ? AND kind = ?")
                .params(instruction.id(), kind.name(), id, notice).update();
        return true;
    }

    /** The lead units an instruction can go to: the departments (the city office does not instruct itself). */
    private static List<String> instructable(List<String> units) {
        List<String> to = new ArrayList<>(units);
        to.remove(Progress.CITY_OFFICE_NAME);
        return to;
    }
}
