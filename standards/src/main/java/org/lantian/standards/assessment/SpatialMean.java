package org.lantian.standards.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantian.standards.Pollutant;

/**
 * County and city values from their assessment stations (HJ 663, STANDARDS §2.4): the arithmetic mean of
 * the stations' values — daily means of the daily means, O3 the mean of the stations' daily maximum
 * 8-hour values — never the mean or maximum of station AQIs. Station values enter as published
 * (integers, CO 1 decimal) and the area value is rounded once, where it is used.
 */
public final class SpatialMean {

    private SpatialMean() {
    }

    /**
     * The area's day from its stations' days. A pollutant is absent when fewer than {@code minimumStations}
     * stations have it (HJ 663 sets no minimum that could be found: an open point; 1 takes any).
     */
    public static DailyValues day(LocalDate date, List<DailyValues> stations, int minimumStations) {
        Map<Pollutant, Mean> means = new EnumMap<>(Pollutant.class);
        for (Pollutant p : Pollutant.values()) {
            if (p == Pollutant.O3) {
                continue;
            }
            List<BigDecimal> values = new ArrayList<>();
            stations.forEach(s -> Optional.ofNullable(s.means().get(p)).ifPresent(m -> values.add(m.rounded(p.decimals()))));
            mean(values, minimumStations).ifPresent(m -> means.put(p, m));
        }
        List<BigDecimal> mda8 = new ArrayList<>();
        List<BigDecimal> max1h = new ArrayList<>();
        stations.forEach(s -> {
            s.o3MaxEightHour().ifPresent(m -> mda8.add(m.rounded(0)));
            s.o3MaxOneHour().ifPresent(max1h::add);
        });
        return new DailyValues(date, java.util.Collections.unmodifiableMap(means), mean(mda8, minimumStations),
                mean(max1h, minimumStations).map(Mean::value));
    }

    /** The mean of the stations' values, or empty with fewer than {@code minimumStations}. */
    public static Optional<Mean> mean(List<BigDecimal> stationValues, int minimumStations) {
        if (stationValues.isEmpty() || stationValues.size() < minimumStations) {
            return Optional.empty();
        }
        return Optional.of(new Mean(stationValues.stream().reduce(BigDecimal.ZERO, BigDecimal::add), stationValues.size()));
    }
}
