package org.lantian.platform.alerts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * A disposal task pushed to the unit that owns a place: a county, and a city department where the rule
 * names one. The receipt and disposal deadlines run from the push.
 *
 * @param triggers how many data hours fired it (repeats merge into the open ticket)
 */
public record Ticket(long id, TicketSource source, Long ruleId, String title, String detail, String placeKind, String placeCode,
                     String placeName, String countyCode, String department, String pollutant, BigDecimal value,
                     BigDecimal peakValue, BigDecimal lon, BigDecimal lat, String origin, TicketState state, Instant pushedAt,
                     Instant receiptDue, Instant disposalDue, Instant receivedAt, Instant reportedAt, Instant firstReportedAt,
                     Instant closedAt, Instant receiptEscalatedAt, Instant disposalEscalatedAt, String assignee,
                     CauseCategory causeCategory, String measures, String responders, int returns, int triggers,
                     Instant lastTriggeredAt, Boolean effective, String effectNote, String createdBy, Instant reworkDue,
                     int duplicates, String evidenceWaivedBy, String evidenceWaivedReason) {

    /** The deadline the owner works to now: after a return, the rework's; otherwise the disposal deadline. */
    public Instant currentDue() {
        return state == TicketState.RETURNED && reworkDue != null ? reworkDue : disposalDue;
    }

    /** Whether the current deadline has passed with the owner still to act, or the receipt deadline without a receipt. */
    public boolean overdueAt(Instant now) {
        return state.awaitsDisposal() && !now.isBefore(currentDue()) || receiptOverdueAt(now);
    }

    /** Pushed and still not received after the receipt deadline. */
    public boolean receiptOverdueAt(Instant now) {
        return state == TicketState.PUSHED && !now.isBefore(receiptDue);
    }

    /** The state as the pages show it: a missed receipt says so. */
    public String stateLabelAt(Instant now) {
        return receiptOverdueAt(now) ? state.label() + "（签收超时）" : state.label();
    }

    /** Minutes from the push to the first report, once there is one. */
    public Long disposalMinutes() {
        return firstReportedAt == null ? null : Duration.between(pushedAt, firstReportedAt).toMinutes();
    }

    /** The disposal clock as the pages show it: time left, or time over, while the owner still has to act. */
    public String clockAt(Instant now) {
        if (!state.awaitsDisposal()) {
            return state.label();
        }
        long minutes = Duration.between(now, currentDue()).toMinutes();
        return minutes >= 0 ? "剩余 " + duration(minutes) : "超时 " + duration(-minutes);
    }

    /** The highest value with its measure and unit, e.g. "PM2.5 200 µg/m³"; stack factors are converted mg/m³. */
    public String valueText() {
        if (peakValue == null) {
            return "—";
        }
        String measure = pollutant == null ? "" : pollutant;
        String unit = Measures.isKnown(measure) ? Measures.unit(measure) : " mg/m³";
        return Measures.label(measure) + " " + peakValue.toPlainString() + unit;
    }

    private static String duration(long minutes) {
        return minutes < 60 ? minutes + " 分钟" : minutes / 60 + " 小时 " + minutes % 60 + " 分";
    }
}
