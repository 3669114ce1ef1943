package org.lantian.platform.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.lantian.standards.Pollutant;

/**
 * One value as text, the way CSV lines and JSON items carry it; parsed into an {@link Observation} or
 * rejected with the field at fault. Blank averaging means 1h and blank flag means N.
 */
record RawObservation(String station, String pollutant, String averaging, String periodEnd, String value, String flag) {

    void readInto(long line, RowSink sink) {
        if (isBlank(station) || isBlank(pollutant) || isBlank(periodEnd) || isBlank(value)) {
            sink.reject(line, "line", "station, pollutant, period_end and value are all required");
            return;
        }
        String averagingText = isBlank(averaging) ? Averaging.HOUR.code() : averaging;
        Optional<Averaging> avg = Averaging.parse(averagingText).filter(a -> a != Averaging.PUBLISHED);
        if (avg.isEmpty()) {
            sink.reject(line, "averaging", "unknown averaging '" + averagingText + "' (1h or 1d)");
            return;
        }
        Instant end;
        try {
            end = PeriodEnds.parse(periodEnd);
        } catch (DateTimeParseException e) {
            sink.reject(line, "period_end", "not a time: '" + periodEnd + "' (e.g. 2023-01-01 08:00 or 2023-01-01T08:00+08:00)");
            return;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            sink.reject(line, "value", "not a number: '" + value + "'");
            return;
        }
        String code = Pollutant.parse(pollutant).map(Pollutant::code).orElse(pollutant);
        sink.accept(line, new Observation(station.strip(), code, avg.get(), end, number,
                isBlank(flag) ? Observation.NORMAL : flag.strip()));
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
