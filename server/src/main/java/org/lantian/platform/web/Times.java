package org.lantian.platform.web;

import java.time.Instant;

import org.lantian.standards.BeijingTime;
import org.springframework.stereotype.Component;

/** Formats instants for pages, always in Beijing time; used in templates as {@code @times}. */
@Component("times")
public class Times {

    public String minute(Instant instant) {
        return BeijingTime.minute(instant);
    }
}
