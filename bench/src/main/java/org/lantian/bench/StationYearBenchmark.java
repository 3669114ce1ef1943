package org.lantian.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.lantian.standards.BeijingTime;
import org.lantian.standards.Pollutant;
import org.lantian.standards.RuleSet;
import org.lantian.standards.aqi.AqiOptions;
import org.lantian.standards.assessment.CompositeIndex;
import org.lantian.standards.assessment.DailyValues;
import org.lantian.standards.assessment.PeriodSummary;
import org.lantian.standards.assessment.StationSeries;
import org.lantian.standards.assessment.StationAccumulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One station-year through the standards library. {@code fullYear}: 8 760 hours × 6 pollutants to every
 * day's statistics and daily AQI, the year's period statistics and composite index (batch,
 * {@link StationSeries}). {@code accumulatorYear}: the same year fed hour by hour into a
 * {@link StationAccumulator}. {@code reviseOneHour}: the accumulator's cost of one late hourly value —
 * store it, recompute its day and that day's AQI.
 *
 * <pre>java -jar bench/target/benchmarks.jar StationYearBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StationYearBenchmark {

    private static final LocalDate FIRST = LocalDate.of(2023, 1, 1);
    private static final int HOURS = 8760;

    private final Pollutant[] pollutants = Pollutant.values();
    private Instant[] hourEnds;
    private BigDecimal[][] values;
    private StationAccumulator loaded;
    private Random random;

    @Setup(Level.Trial)
    public void setUp() {
        Random r = new Random(2023);
        Instant start = FIRST.atStartOfDay(BeijingTime.ZONE).toInstant();
        hourEnds = new Instant[HOURS];
        values = new BigDecimal[pollutants.length][HOURS];
        for (int h = 0; h < HOURS; h++) {
            hourEnds[h] = start.plusSeconds(3600L * (h + 1));
            for (int p = 0; p < pollutants.length; p++) {
                if (r.nextInt(100) == 0) {
                    continue;
                }
                values[p][h] = pollutants[p] == Pollutant.CO
                        ? BigDecimal.valueOf(3 + r.nextInt(30), 1)
                        : BigDecimal.valueOf(5 + r.nextInt(pollutants[p] == Pollutant.O3 ? 220 : 150));
            }
        }
        loaded = load();
        random = new Random(7);
    }

    private StationAccumulator load() {
        StationAccumulator station = new StationAccumulator();
        for (int p = 0; p < pollutants.length; p++) {
            for (int h = 0; h < HOURS; h++) {
                if (values[p][h] != null) {
                    station.put(pollutants[p], hourEnds[h], values[p][h]);
                }
            }
        }
        return station;
    }

    @Benchmark
    public void fullYear(Blackhole sink) {
        Map<Pollutant, BigDecimal[]> hourly = new EnumMap<>(Pollutant.class);
        for (int p = 0; p < pollutants.length; p++) {
            hourly.put(pollutants[p], values[p]);
        }
        List<DailyValues> days = StationSeries.days(FIRST, hourly);
        for (DailyValues day : days) {
            sink.consume(day.aqi(RuleSet.CN2012, AqiOptions.DEFAULTS));
        }
        sink.consume(PeriodSummary.of(FIRST, LocalDate.of(2023, 12, 31), days)
                .compositeIndex(CompositeIndex.Definition.CN2012, CompositeIndex.Rounding.SUM_ONCE));
    }

    @Benchmark
    public void accumulatorYear(Blackhole sink) {
        StationAccumulator station = load();
        for (LocalDate d = FIRST; d.getYear() == 2023; d = d.plusDays(1)) {
            sink.consume(station.dailyAqi(d, RuleSet.CN2012, AqiOptions.DEFAULTS));
        }
        sink.consume(station.period(FIRST, LocalDate.of(2023, 12, 31))
                .compositeIndex(CompositeIndex.Definition.CN2012, CompositeIndex.Rounding.SUM_ONCE));
    }

    @Benchmark
    public Object reviseOneHour() {
        int h = random.nextInt(HOURS);
        Pollutant p = pollutants[random.nextInt(pollutants.length)];
        loaded.put(p, hourEnds[h], BigDecimal.valueOf(random.nextInt(200)));
        LocalDate day = hourEnds[h].atZone(BeijingTime.ZONE).minusSeconds(1).toLocalDate();
        return loaded.dailyAqi(day, RuleSet.CN2012, AqiOptions.DEFAULTS);
    }
}
