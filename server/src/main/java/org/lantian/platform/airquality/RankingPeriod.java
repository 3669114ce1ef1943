package org.lantian.platform.airquality;

import java.time.LocalDate;
import java.time.YearMonth;

/** The period pickers of the ranking pages: common periods by name, or any from–to. */
enum RankingPeriod {
    THIS_MONTH("本月"), LAST_MONTH("上月"), FIRST_HALF_OF_MONTH("本月上半月"), YEAR_TO_DATE("今年以来"), LAST_YEAR("上一年"), CUSTOM("自定义");

    private final String label;

    RankingPeriod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The first and last day of the period on {@code today}; a period in progress ends yesterday, the last complete day. */
    LocalDate[] range(LocalDate today, LocalDate from, LocalDate to) {
        LocalDate yesterday = today.minusDays(1);
        YearMonth month = YearMonth.from(yesterday);
        return switch (this) {
            case THIS_MONTH -> new LocalDate[] {month.atDay(1), yesterday};
            case LAST_MONTH -> new LocalDate[] {month.minusMonths(1).atDay(1), month.minusMonths(1).atEndOfMonth()};
            case FIRST_HALF_OF_MONTH -> new LocalDate[] {month.atDay(1), min(month.atDay(15), yesterday)};
            case YEAR_TO_DATE -> new LocalDate[] {LocalDate.of(yesterday.getYear(), 1, 1), yesterday};
            case LAST_YEAR -> new LocalDate[] {LocalDate.of(yesterday.getYear() - 1, 1, 1), LocalDate.of(yesterday.getYear() - 1, 12, 31)};
            case CUSTOM -> new LocalDate[] {from == null ? month.atDay(1) : from, to == null ? yesterday : to};
        };
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
