package org.lantian.platform.airquality;

import java.time.Duration;
import java.time.Instant;

/** A requested span of hours ({@code from < hour end <= to}), defaulted and bounded so no request reads without limit. */
record HourRange(Instant from, Instant to) {

    static final Duration LONGEST = Duration.ofDays(400);

    /** {@code to} defaults to now, {@code from} to {@code to} less {@code fallback}. */
    static HourRange of(Instant from, Instant to, Duration fallback) {
        Instant end = to == null ? Instant.now() : to;
        Instant start = from == null ? end.minus(fallback) : from;
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("from：开始时刻 " + start + " 不早于结束时刻 " + end);
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("from：" + start + " 至 " + end + " 超过单次可查询的 400 天");
        }
        return new HourRange(start, end);
    }
}
