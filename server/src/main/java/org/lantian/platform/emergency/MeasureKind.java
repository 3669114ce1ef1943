package org.lantian.platform.emergency;

/** What a plant does during a warning. */
public enum MeasureKind {
    /** 自主减排: A and leading plants decide their own measures; no reduction is counted for them. */
    SELF,
    /** 限产: production cut by a percentage. */
    CUT,
    /** 按生产线停产: a percentage of the production lines stopped, counted by line. */
    STOP_SHARE,
    /** 停产: every production line stopped. */
    STOP
}
