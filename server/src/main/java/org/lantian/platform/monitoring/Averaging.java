package org.lantian.platform.monitoring;

import java.util.Arrays;
import java.util.Optional;

/** The averaging period of a stored value; values are labelled by the end of their period. */
public enum Averaging {
    /** A 1-hour mean, labelled by the hour it ends (hour-ending, as the national network does). */
    HOUR("1h"),
    /** A calendar-day mean (Beijing time), labelled by the midnight that ends the day. */
    DAY("1d"),
    /** A value as the national network published it; its pollutant column names the published type. */
    PUBLISHED("published");

    private final String code;

    Averaging(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Averaging> parse(String text) {
        String wanted = text == null ? "" : text.strip();
        return Arrays.stream(values())
                .filter(a -> a.code.equalsIgnoreCase(wanted) || a.name().equalsIgnoreCase(wanted))
                .findFirst();
    }
}
