package org.lantian.platform.emergency;

/** What a plant does during a warning. */
public enum MeasureKind {
    /** 自主减排: A and leading plants decide their own measures; no reduction is counted for them. */
    SELF("自主减排"),
    /** 限产: production cut by a percentage. */
    CUT("限产"),
    /** 按生产线停产: a percentage of the production lines stopped, counted by line. */
    STOP_SHARE("按生产线停产"),
    /** 停产: every production line stopped. */
    STOP("停产");

    private final String label;

    MeasureKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
