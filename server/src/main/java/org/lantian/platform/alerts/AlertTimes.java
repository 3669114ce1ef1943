package org.lantian.platform.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.lantian.standards.BeijingTime;

/** Beijing-time texts for ticket details (an hour is named by its end, as the national network does). */
final class AlertTimes {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("M月d日 H").withZone(BeijingTime.ZONE);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(BeijingTime.ZONE);

    private AlertTimes() {
    }

    static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, BeijingTime.ZONE);
    }

    static String hour(Instant instant) {
        return HOUR.format(instant) + " 时";
    }

    static String minute(Instant instant) {
        return MINUTE.format(instant);
    }
}
