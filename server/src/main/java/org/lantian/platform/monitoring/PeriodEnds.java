package org.lantian.platform.monitoring;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

import org.lantian.standards.BeijingTime;

/** Reads the end of an averaging period as written in imports. */
final class PeriodEnds {

    /** {@code 2023-01-01 08:00}, {@code 2023-01-01T08:00}, with optional seconds. */
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .toFormatter();

    private static final java.util.regex.Pattern OFFSET = java.util.regex.Pattern.compile(".*(Z|[+-]\\d{2}:?\\d{2})$");

    private PeriodEnds() {
    }

    /**
     * An ISO-8601 time with offset ({@code 2023-01-01T08:00+08:00}, {@code ...Z}), or a local time that is
     * read as Beijing time.
     *
     * @throws DateTimeParseException when the text is neither
     */
    static Instant parse(String text) {
        String t = text.strip();
        if (OFFSET.matcher(t).matches()) {
            return OffsetDateTime.parse(t).toInstant();
        }
        return LocalDateTime.parse(t, LOCAL).atZone(BeijingTime.ZONE).toInstant();
    }
}
