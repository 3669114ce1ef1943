package org.lantian.platform.plan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Where an item stands, derived from its deadline and its latest accepted report: done once a report saying
 * so is accepted; overdue once the deadline has passed without that; at risk when the deadline is near
 * ({@code riskDays}) and it is not nearly done, or its progress lags the share of the time gone by more than
 * 20 points; not started without any accepted report; on track otherwise.
 */
public enum ItemStatus {
    NOT_STARTED("未开始"), ON_TRACK("正常推进"), AT_RISK("进度滞后"), OVERDUE("逾期未完成"), DONE("已完成");

    static final int LAG_POINTS = 20;
    static final int NEARLY_DONE = 80;

    private final String label;

    ItemStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * @param percent the latest accepted report's progress, null without one
     * @param start   when the time for the item began (the plan year's first day)
     */
    static ItemStatus of(LocalDate today, LocalDate start, LocalDate deadline, Integer percent, boolean done, int riskDays) {
        if (done) {
            return DONE;
        }
        if (deadline != null && today.isAfter(deadline)) {
            return OVERDUE;
        }
        boolean near = deadline != null && ChronoUnit.DAYS.between(today, deadline) <= riskDays;
        if (percent == null) {
            return near ? AT_RISK : NOT_STARTED;
        }
        if (near && percent < NEARLY_DONE) {
            return AT_RISK;
        }
        if (deadline != null && deadline.isAfter(start)) {
            long gone = Math.max(0, ChronoUnit.DAYS.between(start, today));
            long span = ChronoUnit.DAYS.between(start, deadline);
            if (percent < gone * 100 / span - LAG_POINTS) {
                return AT_RISK;
            }
        }
        return ON_TRACK;
    }
}
