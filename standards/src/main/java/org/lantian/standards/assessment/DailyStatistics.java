package org.lantian.standards.assessment;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Daily statistics of one station and pollutant from its hourly values (GB 3095 §3 and Table 4;
 * HJ 663; STANDARDS §2.2–2.3).
 *
 * <p>A day is given as 24 hourly values, index 0 for hour 1 (00:00–01:00) through index 23 for hour 24
 * (23:00–24:00), labelled by the hour they end (the national network's hour 0 of the next date is
 * hour 24 here). {@code null} is a missing or invalid hour.
 */
public final class DailyStatistics {

    /** GB 3095 Table 4: a daily mean needs at least 20 hourly values. */
    public static final int MIN_HOURS_PER_DAY = 20;
    /** GB 3095 Table 4: an 8-hour O3 mean needs at least 6 hourly values of its 8. */
    public static final int MIN_HOURS_PER_8H = 6;
    /** HJ 663: the daily maximum 8-hour O3 needs at least 14 valid 8-hour means of the day's 17. */
    public static final int MIN_WINDOWS_PER_DAY = 14;

    private DailyStatistics() {
    }

    /** The daily (24-hour) mean, or empty with fewer than 20 valid hours. */
    public static Optional<Mean> dailyMean(BigDecimal[] day) {
        requireDay(day);
        return meanOf(day, 0, 24, MIN_HOURS_PER_DAY);
    }

    /** The day's maximum 1-hour value (the 2012 daily report's O3 indicator), or empty with fewer than 20 valid hours. */
    public static Optional<BigDecimal> maxOneHour(BigDecimal[] day) {
        requireDay(day);
        BigDecimal max = null;
        int valid = 0;
        for (BigDecimal v : day) {
            if (v != null) {
                valid++;
                max = max == null || v.compareTo(max) > 0 ? v : max;
            }
        }
        return valid >= MIN_HOURS_PER_DAY ? Optional.of(max) : Optional.empty();
    }

    /**
     * The 8-hour moving mean ending at each hour of a continuous hourly series (the hour and the 7 before
     * it, across midnight when the series does); {@code null} where the window has fewer than 6 valid
     * values or does not fit in the series. This is the true moving window of GB 3095 §3.
     */
    public static Mean[] eightHourMoving(BigDecimal[] hours) {
        Mean[] result = new Mean[hours.length];
        BigDecimal sum = BigDecimal.ZERO;
        int count = 0;
        for (int end = 0; end < hours.length; end++) {
            // slide the window: take in the new hour, let go of the one 8 hours back
            if (hours[end] != null) {
                sum = sum.add(hours[end]);
                count++;
            }
            if (end >= 8 && hours[end - 8] != null) {
                sum = sum.subtract(hours[end - 8]);
                count--;
            }
            if (end >= 7 && count >= MIN_HOURS_PER_8H) {
                result[end] = new Mean(sum, count);
            }
        }
        return result;
    }

    /**
     * The daily maximum 8-hour O3 (MDA8): the largest of the 17 eight-hour means ending at 08:00 … 24:00
     * (hours 1–8 … 17–24, all inside the calendar day), valid with at least 14 of them valid. Returned as
     * the exact mean of its window, to be rounded once where it is used.
     */
    public static Optional<Mean> dailyMaxEightHour(BigDecimal[] day) {
        requireDay(day);
        Mean max = null;
        int validWindows = 0;
        for (Mean window : eightHourMoving(day)) {
            if (window != null) {
                validWindows++;
                max = max == null || window.compareTo(max) > 0 ? window : max;
            }
        }
        return validWindows >= MIN_WINDOWS_PER_DAY ? Optional.of(max) : Optional.empty();
    }

    /**
     * The national network's published {@code O3_8h} of each hour of one day, which restarts each calendar
     * day: at hours 1–7 the mean of the day's hours so far, from hour 8 the 8-hour moving mean within the
     * day (STANDARDS data README). Each value needs at least 6 valid hours, or all the hours so far when
     * fewer than 8 have passed.
     */
    public static Mean[] publishedEightHour(BigDecimal[] day) {
        requireDay(day);
        Mean[] result = new Mean[24];
        for (int end = 0; end < 24; end++) {
            int start = Math.max(0, end - 7);
            int span = end - start + 1;
            result[end] = meanOf(day, start, end + 1, span < 8 ? span : MIN_HOURS_PER_8H).orElse(null);
        }
        return result;
    }

    private static Optional<Mean> meanOf(BigDecimal[] values, int from, int to, int minimum) {
        BigDecimal sum = BigDecimal.ZERO;
        int count = 0;
        for (int i = from; i < to; i++) {
            if (values[i] != null) {
                sum = sum.add(values[i]);
                count++;
            }
        }
        return count >= minimum ? Optional.of(new Mean(sum, count)) : Optional.empty();
    }

    private static void requireDay(BigDecimal[] day) {
        if (day.length != 24) {
            throw new IllegalArgumentException("a day has 24 hourly values, not " + day.length);
        }
    }
}
