package org.lantian.standards.assessment;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether a period's daily values are enough for a valid statistic (GB 3095 Table 4, STANDARDS §2.2):
 * an annual mean needs at least 324 daily values and at least 27 in every month (25 in February). A
 * month alone is "complete" with 27 (25); a short month is flagged, not dropped (STANDARDS §2.2, [U]).
 *
 * @param validDays        daily values in the period
 * @param incompleteMonths months of the period with fewer daily values than their minimum, and how many they had
 */
public record PeriodValidity(int validDays, Map<YearMonth, Integer> incompleteMonths, boolean annualRuleMet) {

    public static final int MIN_DAYS_PER_YEAR = 324;

    /** 27 daily values, 25 in February. */
    public static int minimumDays(YearMonth month) {
        return month.getMonth() == Month.FEBRUARY ? 25 : 27;
    }

    /**
     * @param months    the calendar months the period covers
     * @param validDates the dates that have a valid daily value
     */
    public static PeriodValidity of(List<YearMonth> months, Collection<LocalDate> validDates) {
        Map<YearMonth, Integer> perMonth = new TreeMap<>();
        months.forEach(m -> perMonth.put(m, 0));
        int total = 0;
        for (LocalDate date : validDates) {
            YearMonth month = YearMonth.from(date);
            if (perMonth.containsKey(month)) {
                perMonth.merge(month, 1, Integer::sum);
                total++;
            }
        }
        Map<YearMonth, Integer> incomplete = new TreeMap<>();
        perMonth.forEach((m, n) -> {
            if (n < minimumDays(m)) {
                incomplete.put(m, n);
            }
        });
        boolean annual = months.size() == 12 && total >= MIN_DAYS_PER_YEAR && incomplete.isEmpty();
        return new PeriodValidity(total, Map.copyOf(incomplete), annual);
    }

    /** Every month of the period has its minimum of daily values. */
    public boolean monthsComplete() {
        return incompleteMonths.isEmpty();
    }
}
