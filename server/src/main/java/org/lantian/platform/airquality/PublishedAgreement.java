package org.lantian.platform.airquality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lantian.platform.monitoring.NotFound;
import org.lantian.platform.monitoring.Observations;
import org.lantian.platform.monitoring.Stations;
import org.lantian.standards.Pollutant;
import org.lantian.standards.RuleSet;
import org.lantian.standards.aqi.AqiOptions;
import org.lantian.standards.assessment.DailyStatistics;
import org.lantian.standards.assessment.StationAccumulator;
import org.springframework.stereotype.Service;

/**
 * How well Lantian's figures agree with what the national network published for a station: the
 * real-time AQI against the published hourly {@code AQI}, and the 24-hour moving means against the
 * published {@code X_24h} columns (imported from the {@code china_sites} files as reference values).
 */
@Service
public class PublishedAgreement {

    private static final int MAX_MISMATCHES = 50;
    private static final Map<String, Pollutant> MOVING = new LinkedHashMap<>();

    static {
        MOVING.put("PM2.5_24h", Pollutant.PM2_5);
        MOVING.put("PM10_24h", Pollutant.PM10);
        MOVING.put("SO2_24h", Pollutant.SO2);
        MOVING.put("NO2_24h", Pollutant.NO2);
        MOVING.put("CO_24h", Pollutant.CO);
    }

    private final Observations observations;
    private final Stations stations;

    PublishedAgreement(Observations observations, Stations stations) {
        this.observations = observations;
        this.stations = stations;
    }

    /** Hours compared and agreeing for one published column. */
    public record Comparison(String published, int compared, int agreeing, BigDecimal agreementPercent) {
    }

    /** One hour where a figure differs from the published one. */
    public record Mismatch(Instant hourEnd, String published, BigDecimal publishedValue, BigDecimal computedValue) {
    }

    public record Report(String stationCode, Instant from, Instant to, List<Comparison> comparisons, List<Mismatch> firstMismatches) {
    }

    /**
     * Compares every hour with {@code from < hour end <= to} that has a published value.
     *
     * @throws NotFound when the station lies outside the actor's scope
     */
    public Report compare(String stationCode, Instant from, Instant to) {
        if (stations.history(stationCode).isEmpty()) {
            throw new NotFound("station " + stationCode);
        }
        StationAccumulator values = new StationAccumulator();
        observations.validHourly(Set.of(stationCode), from.minus(Duration.ofHours(24)), to)
                .forEach(v -> values.put(Pollutant.valueOf(v.pollutant()), v.periodEnd(), v.value()));
        Map<String, int[]> counts = new LinkedHashMap<>();
        List<Mismatch> mismatches = new ArrayList<>();
        for (Observations.HourlyValue published : observations.publishedHourly(Set.of(stationCode), from, to)) {
            BigDecimal computed = computed(values, published);
            if (published.pollutant().equals("AQI") || MOVING.containsKey(published.pollutant())) {
                int[] c = counts.computeIfAbsent(published.pollutant(), k -> new int[2]);
                c[0]++;
                if (computed != null && computed.compareTo(published.value()) == 0) {
                    c[1]++;
                } else if (mismatches.size() < MAX_MISMATCHES) {
                    mismatches.add(new Mismatch(published.periodEnd(), published.pollutant(), published.value(), computed));
                }
            }
        }
        List<Comparison> comparisons = new ArrayList<>();
        counts.forEach((type, c) -> comparisons.add(new Comparison(type, c[0], c[1],
                BigDecimal.valueOf(c[1] * 100L).divide(BigDecimal.valueOf(c[0]), 2, RoundingMode.HALF_EVEN))));
        return new Report(stationCode, from, to, comparisons, mismatches);
    }

    /** Lantian's figure for a published value's hour: the real-time AQI, or the 24-hour moving mean rounded as published. */
    private static BigDecimal computed(StationAccumulator values, Observations.HourlyValue published) {
        Instant hour = published.periodEnd();
        if (published.pollutant().equals("AQI")) {
            var aqi = values.realTime(hour, RuleSet.forDate(RealTimeResults.dayOf(hour)), AqiOptions.DEFAULTS).aqi();
            return aqi.isPresent() ? BigDecimal.valueOf(aqi.getAsInt()) : null;
        }
        Pollutant p = MOVING.get(published.pollutant());
        if (p == null) {
            return null;
        }
        return values.moving(p, hour, 24, DailyStatistics.MIN_HOURS_PER_DAY).map(m -> m.rounded(p.decimals())).orElse(null);
    }
}
