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
            sink.reject(line, "line", "站点、污染物、时间和数值均为必填");
            return;
        }
        String averagingText = isBlank(averaging) ? Averaging.HOUR.code() : averaging;
        Optional<Averaging> avg = Averaging.parse(averagingText).filter(a -> a != Averaging.PUBLISHED);
        if (avg.isEmpty()) {
            sink.reject(line, "averaging", "未知平均时段“" + averagingText + "”（应为 1h 或 1d）");
            return;
        }
        Instant end;
        try {
            end = PeriodEnds.parse(periodEnd);
        } catch (DateTimeParseException e) {
            sink.reject(line, "period_end", "无法识别的时间“" + periodEnd + "”（如 2023-01-01 08:00 或 2023-01-01T08:00+08:00）");
            return;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            sink.reject(line, "value", "不是数值：“" + value + "”");
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
