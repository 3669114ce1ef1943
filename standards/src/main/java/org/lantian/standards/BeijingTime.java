package org.lantian.standards;

import java.time.ZoneId;

/**
 * The time zone of every official figure: days, months and years of the national assessment are
 * Beijing-time calendar periods, and hours are labelled in Beijing time (STANDARDS §2.3).
 */
public final class BeijingTime {

    /** {@code Asia/Shanghai}, UTC+8 (no daylight saving since 1991). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BeijingTime() {
    }
}
