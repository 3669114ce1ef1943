package org.lantian.standards;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The time zone of every official figure: days, months and years of the national assessment are
 * Beijing-time calendar periods, and hours are labelled in Beijing time (STANDARDS §2.3).
 */
public final class BeijingTime {

    /** {@code Asia/Shanghai}, UTC+8 (no daylight saving since 1991). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    private BeijingTime() {
    }

    private static final DateTimeFormatter TYPED_MINUTE = DateTimeFormatter.ofPattern("yyyy-M-d H:mm");

    /**
     * A moment as offices type it in Beijing time: "2026-12-02 10:00", "2026/12/2 10:00", "2026-12-02T10:00"
     * or a whole hour "2026-12-02 10".
     *
     * @throws java.time.format.DateTimeParseException when it is none of these
     */
    public static Instant parseMinute(String text) {
        String t = text.replace('/', '-').replace('T', ' ').strip();
        if (t.matches(".* \\d{1,2}")) {
            t = t + ":00";
        }
        return java.time.LocalDateTime.parse(t, TYPED_MINUTE).atZone(ZONE).toInstant();
    }

    /** "2026-12-02 11:42", Beijing time; empty for null. */
    public static String minute(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }
}
