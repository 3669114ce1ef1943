package org.lantian.platform.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.lantian.standards.BeijingTime;
import org.springframework.stereotype.Component;

/** Formats instants for pages, always in Beijing time; used in templates as {@code @times}. */
@Component("times")
public class Times {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BeijingTime.ZONE);

    public String minute(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }
}
