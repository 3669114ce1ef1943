package org.lantian.standards.assessment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantian.standards.BeijingTime;
import org.lantian.standards.Pollutant;
import org.lantian.standards.RuleSet;
import org.lantian.standards.aqi.AqiCalculator;
import org.lantian.standards.aqi.AqiOptions;
import org.lantian.standards.aqi.AqiResult;
import org.lantian.standards.aqi.Indicator;

/**
 * One station's hourly values as they arrive — in any order, late or revised — with the figures that
 * depend on them kept current: the real-time AQI of any hour, each day's statistics (cached, and
 * recomputed only when one of that day's hours changes), and any period's statistics from the cached
 * days. Adding an hour never recomputes more than its day.
 *
 * <pre>{@code
 * StationAccumulator station = new StationAccumulator();
 * station.put(Pollutant.PM2_5, Instant.parse("2023-01-01T16:00:00Z"), new BigDecimal("75"));
 * station.day(LocalDate.of(2023, 1, 2));             // daily means, MDA8, maximum 1-hour O3
 * station.realTime(hourEnd, RuleSet.CN2012, AqiOptions.DEFAULTS);
 * station.period(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31));
 * }</pre>
 * Hours are labelled by their end in Beijing time (00:00 of a date is hour 24 of the day before).
 * Not thread-safe: one accumulator per station, fed by one thread.
 */
public final class StationAccumulator {

    private final Map<Pollutant, Map<LocalDate, BigDecimal[]>> hours = new EnumMap<>(Pollutant.class);
    private final Map<LocalDate, DailyValues> days = new HashMap<>();

    /** Records (or revises) an hourly value; {@code null} removes it, as when a value is invalidated. */
    public void put(Pollutant pollutant, Instant hourEnd, BigDecimal value) {
        Slot slot = slot(hourEnd);
        BigDecimal[] day = hours.computeIfAbsent(pollutant, p -> new HashMap<>())
                .computeIfAbsent(slot.date, d -> new BigDecimal[24]);
        day[slot.index] = value;
        days.remove(slot.date);
    }

    /** The stored value of an hour, if any. */
    public Optional<BigDecimal> value(Pollutant pollutant, Instant hourEnd) {
        Slot slot = slot(hourEnd);
        BigDecimal[] day = hours.getOrDefault(pollutant, Map.of()).get(slot.date);
        return Optional.ofNullable(day == null ? null : day[slot.index]);
    }

    /** The day's statistics, computed once and kept until one of its hours changes. */
    public DailyValues day(LocalDate date) {
        return days.computeIfAbsent(date, this::computeDay);
    }

    private DailyValues computeDay(LocalDate date) {
        return DailyValues.of(date, pollutant -> hoursOf(pollutant, date));
    }

    /** The daily AQI report of a date. */
    public AqiResult dailyAqi(LocalDate date, RuleSet rules, AqiOptions options) {
        return day(date).aqi(rules, options);
    }

    /**
     * The real-time AQI report of the hour ending at {@code hourEnd}: its 1-hour values, plus for the CN2012
     * nine-indicator option the O3 8-hour and PM 24-hour moving means, and the SO2 24-hour moving mean that
     * CN2012 substitutes above 800 µg/m³.
     */
    public AqiResult realTime(Instant hourEnd, RuleSet rules, AqiOptions options) {
        Map<Indicator, BigDecimal> inputs = new EnumMap<>(Indicator.class);
        for (Pollutant p : Pollutant.values()) {
            value(p, hourEnd).ifPresent(v -> inputs.put(Indicator.hourly(p), v));
        }
        moving(Pollutant.O3, hourEnd, 8, DailyStatistics.MIN_HOURS_PER_8H).ifPresent(m -> inputs.put(Indicator.O3_8H, m.value()));
        for (Pollutant p : List.of(Pollutant.PM10, Pollutant.PM2_5, Pollutant.SO2)) {
            moving(p, hourEnd, 24, DailyStatistics.MIN_HOURS_PER_DAY).ifPresent(m -> inputs.put(Indicator.daily(p), m.value()));
        }
        return AqiCalculator.realTime(rules, inputs, options);
    }

    /** The mean of the {@code span} hours ending at {@code hourEnd}, across midnight, with a minimum of valid hours. */
    public Optional<Mean> moving(Pollutant pollutant, Instant hourEnd, int span, int minimum) {
        BigDecimal sum = BigDecimal.ZERO;
        int count = 0;
        for (int back = 0; back < span; back++) {
            Optional<BigDecimal> v = value(pollutant, hourEnd.minus(Duration.ofHours(back)));
            if (v.isPresent()) {
                sum = sum.add(v.get());
                count++;
            }
        }
        return count >= minimum ? Optional.of(new Mean(sum, count)) : Optional.empty();
    }

    /**
     * Statistics of the days {@code from}–{@code to} (inclusive) from the cached days: the mean of the daily
     * values of SO2, NO2, PM10 and PM2.5 (each day rounded as published: integers, CO 1 decimal), the 95th
     * percentile of daily CO and the 90th of daily MDA8 (STANDARDS §2.4, §2.6).
     */
    public PeriodSummary period(LocalDate from, LocalDate to) {
        List<DailyValues> range = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            range.add(day(d));
        }
        return PeriodSummary.of(from, to, range);
    }

    private BigDecimal[] hoursOf(Pollutant pollutant, LocalDate date) {
        BigDecimal[] day = hours.getOrDefault(pollutant, Map.of()).get(date);
        return day == null ? new BigDecimal[24] : day.clone();
    }

    private record Slot(LocalDate date, int index) {
    }

    /** Beijing time has been UTC+8 without daylight saving since this instant (1991-09-15 02:00 local). */
    private static final long FIXED_OFFSET_SINCE = 684_867_600L;
    private static final int OFFSET_SECONDS = 8 * 3600;

    /** Hour-ending labels: 01:00 is index 0 of its date, 00:00 is index 23 of the day before. */
    private static Slot slot(Instant hourEnd) {
        long epochSecond = hourEnd.getEpochSecond();
        if (epochSecond < FIXED_OFFSET_SINCE) {
            return slotByZoneRules(hourEnd);
        }
        long local = epochSecond + OFFSET_SECONDS; // a fixed offset: no zone-rule look-up per value
        if (Math.floorMod(local, 3600) != 0 || hourEnd.getNano() != 0) {
            throw new IllegalArgumentException("an hourly value ends on the hour, not at "
                    + hourEnd.atZone(BeijingTime.ZONE).toLocalTime());
        }
        long day = Math.floorDiv(local, 86_400);
        int hour = (int) (Math.floorMod(local, 86_400) / 3600);
        return hour == 0 ? new Slot(LocalDate.ofEpochDay(day - 1), 23) : new Slot(LocalDate.ofEpochDay(day), hour - 1);
    }

    private static Slot slotByZoneRules(Instant hourEnd) {
        ZonedDateTime t = hourEnd.atZone(BeijingTime.ZONE);
        if (t.getMinute() != 0 || t.getSecond() != 0 || t.getNano() != 0) {
            throw new IllegalArgumentException("an hourly value ends on the hour, not at " + t.toLocalTime());
        }
        return t.getHour() == 0 ? new Slot(t.toLocalDate().minusDays(1), 23) : new Slot(t.toLocalDate(), t.getHour() - 1);
    }

}
