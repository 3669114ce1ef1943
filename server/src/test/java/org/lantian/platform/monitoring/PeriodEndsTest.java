package org.lantian.platform.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodEndsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2023-01-01 08:00|2023-01-01T00:00:00Z",
            "2023-01-01T08:00|2023-01-01T00:00:00Z",
            "2023-01-01 08:00:30|2023-01-01T00:00:30Z",
            "'  2023-01-01 08:00 '|2023-01-01T00:00:00Z",
            "2023-01-01T08:00+08:00|2023-01-01T00:00:00Z",
            "2023-01-01T08:00:00+0800|2023-01-01T00:00:00Z",
            "2023-01-01T00:00Z|2023-01-01T00:00:00Z",
            "2023-01-01T08:00-05:00|2023-01-01T13:00:00Z",
            "2024-02-29 01:00|2024-02-28T17:00:00Z",
            // hour-ending data close a day with 24:00, which is the next day's first instant
            "2023-01-31 24:00|2023-01-31T16:00:00Z",
            "2023-12-31T24:00:00|2023-12-31T16:00:00Z",
            // Beijing kept daylight saving time in summer 1988: +09:00
            "1988-07-01 08:00|1988-06-30T23:00:00Z"})
    void readsLocalTimesAsBeijingTimeAndOffsetTimesAsWritten(String text, String expected) {
        assertThat(PeriodEnds.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-30 08:00", "2023-04-31 01:00", "2023-02-29 01:00", "2023-01-01 24:30", "2023-01-01 25:00",
            "2023-01-01 08:60", "2023-01-01 08:00:60", "2023-13-01 08:00", "2023-00-10 08:00", "2023-01-01", "2023/01/01 08:00",
            "2023-01-0108:00", "2023-01-01 8:00", "2023-01-01 08:00:0", "２０２３-01-01 08:00", "not-a-time", "", "2023-01-01T08:00+8"})
    void refusesWhatIsNotATimeInsteadOfMovingIt(String text) {
        assertThatThrownBy(() -> PeriodEnds.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void refusesAnOffsetTimeWithoutItsDate() {
        assertThatThrownBy(() -> PeriodEnds.parse("08:00+08:00")).isInstanceOf(DateTimeParseException.class);
    }
}
