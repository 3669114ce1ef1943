package org.lantian.standards.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.lantian.standards.Pollutant;

/**
 * Batch evaluation of a whole series of one station: hourly values in, daily statistics out. The
 * counterpart of {@link StationAccumulator} for data that are all there already (a year's import, a
 * recomputation); both give the same days.
 */
public final class StationSeries {

    private StationSeries() {
    }

    /**
     * @param firstDay the first calendar day of the series
     * @param hourly   per pollutant, consecutive hourly values from hour 1 of {@code firstDay} (ending
     *                 01:00) on, {@code null} for a missing hour; a pollutant may be absent
     * @return the statistics of each whole day the series covers
     */
    public static List<DailyValues> days(LocalDate firstDay, Map<Pollutant, BigDecimal[]> hourly) {
        int length = hourly.values().stream().mapToInt(a -> a.length).max().orElse(0);
        List<DailyValues> days = new ArrayList<>(length / 24);
        BigDecimal[] none = new BigDecimal[24];
        for (int d = 0; d * 24 + 24 <= length; d++) {
            int from = d * 24;
            days.add(DailyValues.of(firstDay.plusDays(d), pollutant -> {
                BigDecimal[] series = hourly.get(pollutant);
                return series == null || series.length < from + 24 ? none : Arrays.copyOfRange(series, from, from + 24);
            }));
        }
        return days;
    }
}
