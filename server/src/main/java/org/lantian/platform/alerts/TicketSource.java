package org.lantian.platform.alerts;

/** Where a ticket came from. */
public enum TicketSource {
    RULE("规则推送"), FIRE_POINT("焚烧火点"), MANUAL("人工推送"), EMERGENCY("应急管控");

    private final String label;

    TicketSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
