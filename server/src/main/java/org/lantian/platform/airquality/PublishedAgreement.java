package org.lantian.platform.airquality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    /** Most mismatches one call lists; page on with {@code offset}. */
    static final int MAX_PAGE = 1000;
    private static final Map<String, Pollutant> MOVING = new LinkedHashMap<>();
    /** Pollutants whose 24-hour moving mean enters the real-time AQI (STANDARDS §1.6); the rest enter hourly. */
    private static final Set<Pollutant> REAL_TIME_MOVING = Set.of(Pollutant.PM10, Pollutant.PM2_5);

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

    /**
     * Why a figure differs from the published one. {@code INPUTS_MISSING}: the public file lacks some hour
     * the published figure was computed from (the network computes from data it does not publish), so
     * the hour cannot be compared fairly; {@code DIFFERENT}: every input is there and the figures differ.
     */
    public enum MismatchKind { INPUTS_MISSING, DIFFERENT }

    /**
     * Hours compared for one published column: agreeing, differing with incomplete inputs, and really
     * different; {@code completeAgreementPercent} leaves out the hours whose inputs are incomplete.
     */
    public record Comparison(String published, int compared, int agreeing, int inputsMissing, int different,
                             BigDecimal agreementPercent, BigDecimal completeAgreementPercent) {
    }

    /** One hour where a figure differs from the published one. */
    public record Mismatch(Instant hourEnd, String published, BigDecimal publishedValue, BigDecimal computedValue,
                           MismatchKind kind) {
    }

    /**
     * @param mismatchCount how many mismatches pass the filter; {@code mismatches} is the page of them
     *                      from {@code offset}
     */
    public record Report(String stationCode, Instant from, Instant to, List<Comparison> comparisons,
                         long mismatchCount, int offset, List<Mismatch> mismatches) {
    }

    /** Which mismatches to list: a published column, a kind (null for any), and the page. */
    public record Filter(String published, MismatchKind kind, int offset, int limit) {

        public Filter {
            if (offset < 0) {
                throw new IllegalArgumentException("offset: 不能为负（" + offset + "）");
            }
            if (limit < 1 || limit > MAX_PAGE) {
                throw new IllegalArgumentException("limit: 应在 1–" + MAX_PAGE + " 之间（" + limit + "）");
            }
        }

        boolean accepts(Mismatch m) {
            return (published == null || published.equals(m.published())) && (kind == null || kind == m.kind());
        }
    }

    /**
     * Compares every hour with {@code from <= hour end <= to} that has a published value.
     *
     * @throws NotFound when the station lies outside the actor's scope
     */
    public Report compare(String stationCode, Instant from, Instant to, Filter filter) {
        if (stations.history(stationCode).isEmpty()) {
            throw new NotFound("站点 " + stationCode);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to: " + to + " 早于 from " + from);
        }
        StationAccumulator values = new StationAccumulator();
        observations.validHourly(Set.of(stationCode), from.minus(Duration.ofHours(24)), to)
                .forEach(v -> values.put(Pollutant.valueOf(v.pollutant()), v.periodEnd(), v.value()));
        Map<String, int[]> counts = new LinkedHashMap<>();
        List<Mismatch> page = new ArrayList<>();
        long matching = 0;
        // the published reads take from exclusively; one microsecond earlier makes it inclusive at PostgreSQL's precision
        for (Observations.HourlyValue published : observations.publishedHourly(Set.of(stationCode), from.minus(1, ChronoUnit.MICROS), to)) {
            if (!published.pollutant().equals("AQI") && !MOVING.containsKey(published.pollutant())) {
                continue;
            }
            BigDecimal computed = computed(values, published);
            int[] c = counts.computeIfAbsent(published.pollutant(), k -> new int[3]);
            c[0]++;
            if (computed != null && computed.compareTo(published.value()) == 0) {
                c[1]++;
                continue;
            }
            MismatchKind kind = inputsComplete(values, published) ? MismatchKind.DIFFERENT : MismatchKind.INPUTS_MISSING;
            if (kind == MismatchKind.INPUTS_MISSING) {
                c[2]++;
            }
            Mismatch mismatch = new Mismatch(published.periodEnd(), published.pollutant(), published.value(), computed, kind);
            if (filter.accepts(mismatch)) {
                if (matching >= filter.offset() && page.size() < filter.limit()) {
                    page.add(mismatch);
                }
                matching++;
            }
        }
        List<Comparison> comparisons = new ArrayList<>();
        counts.forEach((type, c) -> {
            int different = c[0] - c[1] - c[2];
            comparisons.add(new Comparison(type, c[0], c[1], c[2], different, percent(c[1], c[0]), percent(c[1], c[1] + different)));
        });
        return new Report(stationCode, from, to, comparisons, matching, filter.offset(), page);
    }

    private static BigDecimal percent(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_EVEN);
    }

    /** Whether every hour the published figure rests on is in the station's data. */
    private static boolean inputsComplete(StationAccumulator values, Observations.HourlyValue published) {
        Instant hour = published.periodEnd();
        if (published.pollutant().equals("AQI")) {
            for (Pollutant p : Pollutant.values()) {
                if (REAL_TIME_MOVING.contains(p) ? !fullWindow(values, p, hour) : values.value(p, hour).isEmpty()) {
                    return false;
                }
            }
            return true;
        }
        return fullWindow(values, MOVING.get(published.pollutant()), hour);
    }

    private static boolean fullWindow(StationAccumulator values, Pollutant p, Instant hourEnd) {
        for (int back = 0; back < 24; back++) {
            if (values.value(p, hourEnd.minus(Duration.ofHours(back))).isEmpty()) {
                return false;
            }
        }
        return true;
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
