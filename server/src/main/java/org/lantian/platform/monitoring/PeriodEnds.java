package org.lantian.platform.monitoring;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.lantian.standards.BeijingTime;

/** Reads the end of an averaging period as written in imports. */
final class PeriodEnds {

    private PeriodEnds() {
    }

    /**
     * An ISO-8601 time with offset ({@code 2023-01-01T08:00+08:00}, {@code ...Z}), or a local time that is
     * read as Beijing time: {@code 2023-01-01 08:00} or {@code 2023-01-01T08:00}, with optional seconds.
     * {@code 24:00} ends a day (the next day's 00:00), as hour-ending data write it. A date that does not
     * exist (30 February) is refused, never moved to another day.
     *
     * @throws DateTimeParseException when the text is none of these
     */
    static Instant parse(String text) {
        String t = text.strip();
        if (endsWithOffset(t)) {
            int n = t.length();
            boolean basicOffset = t.charAt(n - 1) != 'Z' && t.charAt(n - 3) != ':';
            return OffsetDateTime.parse(basicOffset ? t.substring(0, n - 2) + ":" + t.substring(n - 2) : t).toInstant();
        }
        return local(t).atZone(BeijingTime.ZONE).toInstant();
    }

    /** Read by hand: it runs for every row of an import, and {@code DateTimeFormatter} costs a microsecond a time. */
    private static LocalDateTime local(String t) {
        int length = t.length();
        if ((length != 16 && length != 19) || t.charAt(4) != '-' || t.charAt(7) != '-'
                || (t.charAt(10) != ' ' && t.charAt(10) != 'T') || t.charAt(13) != ':' || (length == 19 && t.charAt(16) != ':')) {
            throw unreadable(t);
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = length == 19 ? digits(t, 17, 2) : 0;
        try {
            LocalDate date = LocalDate.of(year, month, day);
            if (hour == 24 && minute == 0 && second == 0) {
                return date.plusDays(1).atStartOfDay();
            }
            return LocalDateTime.of(date, LocalTime.of(hour, minute, second));
        } catch (DateTimeException e) {
            throw unreadable(t);
        }
    }

    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                throw unreadable(t);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** {@code Z}, {@code +08:00} or {@code +0800} at the end. */
    private static boolean endsWithOffset(String t) {
        int n = t.length();
        if (n > 0 && t.charAt(n - 1) == 'Z') {
            return true;
        }
        boolean colon = n >= 6 && t.charAt(n - 3) == ':';
        int sign = colon ? n - 6 : n - 5;
        if (sign < 0 || (t.charAt(sign) != '+' && t.charAt(sign) != '-')) {
            return false;
        }
        for (int i = sign + 1; i < n; i++) {
            if (!(colon && i == n - 3) && (t.charAt(i) < '0' || t.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }

    private static DateTimeParseException unreadable(String t) {
        return new DateTimeParseException("not a period end: " + t, t, 0);
    }
}
