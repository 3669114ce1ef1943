package org.lantian.platform.monitoring;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

    /** Reads a code ({@code 1h}) or name ({@code HOUR}), ignoring case and blanks. */
    public static Optional<Averaging> parse(String text) {
        return text == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(text.strip().toLowerCase(Locale.ROOT)));
    }

    private static final Map<String, Averaging> BY_NAME = Arrays.stream(values())
            .flatMap(a -> Stream.of(Map.entry(a.code, a), Map.entry(a.name().toLowerCase(Locale.ROOT), a)))
            .distinct()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
}
