package org.lantian.platform.alerts;

/** Where a ticket stands (签收 / 处置 / 办结 / 退回). */
public enum TicketState {
    PUSHED("待签收"), RECEIVED("已签收"), DISPOSING("处置中"), REPORTED("已反馈"), RETURNED("已退回"), CLOSED("已办结");

    private final String label;

    TicketState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the owner still has to act: the disposal clock runs. */
    public boolean awaitsDisposal() {
        return this == PUSHED || this == RECEIVED || this == DISPOSING || this == RETURNED;
    }
}
