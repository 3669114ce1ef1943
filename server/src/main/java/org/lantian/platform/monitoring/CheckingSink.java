package org.lantian.platform.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.lantian.standards.BeijingTime;
import org.lantian.standards.Pollutant;

/**
 * Checks each value against the rules every ingestion path shares, and streams the accepted ones into a
 * COPY: the staging table's, or the series' own when a batch is known to bring new values only. Without a
 * layout it only checks. Rejections are kept with line, field and reason.
 */
final class CheckingSink implements RowSink {

    private static final Pattern PUBLISHED_TYPE = Pattern.compile("[A-Za-z0-9._]{1,32}");

    /**
     * Values reach the COPY in runs sorted by the series' primary key (station, pollutant, averaging,
     * period end): straight into the series, or into staging, which the store reads in order. An index
     * filled in key order touches its pages one after another: a million new values store in 3.8 s
     * instead of 5.6 s (docs/benchmarks.md).
     */
    private static final int RUN_LENGTH = 1 << 16;
    private record Staged(long seq, long line, Observation observation, String periodEndText) {
    }

    /** How an accepted value is written as a line of COPY text. */
    interface Layout {
        void append(StringBuilder row, long seq, long line, Observation o, String periodEnd);
    }

    /** {@code monitoring_staging}: seq, line, target, station, pollutant, averaging, period end, value, flag. */
    static final Layout STAGING = (row, seq, line, o, periodEnd) -> row.append(seq).append('\t').append(line).append('\t')
            .append(o.averaging() == Averaging.PUBLISHED ? 1 : 0).append('\t')
            .append(o.stationCode()).append('\t').append(o.pollutant()).append('\t')
            .append(o.averaging().code()).append('\t').append(periodEnd).append('\t')
            .append(o.value().toPlainString()).append('\t').append(o.flag()).append('\n');

    /** A series table's columns, each value as its first revision. */
    static Layout firstRevision(long batchId, Instant recordedAt) {
        String batchAndTime = "\t" + batchId + "\t" + recordedAt + "\n";
        return (row, seq, line, o, periodEnd) -> row.append(o.stationCode()).append('\t').append(o.pollutant()).append('\t')
                .append(o.averaging().code()).append('\t').append(periodEnd).append("\t1\t")
                .append(o.value().toPlainString()).append('\t').append(o.flag()).append(batchAndTime);
    }

    private final Writer copy;
    private final Layout layout;
    private final Map<String, String> writableStations;
    private final Predicate<String> stationExists;
    private final Instant latestAllowed;
    private final List<IngestReport.RowError> errors = new ArrayList<>();
    private final Map<Averaging, Set<YearMonth>> months = new EnumMap<>(Averaging.class);
    private final Set<String> rejectedStationColumns = new HashSet<>();
    private final Set<String> foreignStations = new java.util.TreeSet<>();
    private final Set<String> measuredStations = new HashSet<>();
    private String lastMeasuredStation;
    private final PlausibleRanges plausible;
    private final StringBuilder row = new StringBuilder(128);
    private final List<Staged> run = new ArrayList<>(RUN_LENGTH);
    private final Map<String, Integer> stationIndex = new java.util.HashMap<>();
    private final Map<String, Integer> pollutantIndex = new java.util.HashMap<>();
    private Instant lastPeriodEnd;
    private ZonedDateTime lastEnd;
    private String lastEndText;
    private long[] keys = new long[1024];
    private int keyCount;
    private long received;
    private long sequence;
    private Instant first;
    private Instant last;

    CheckingSink(Writer copy, Layout layout, Map<String, String> writableStations, Predicate<String> stationExists,
                Instant latestAllowed, PlausibleRanges plausible) {
        this.copy = copy;
        this.layout = layout;
        this.plausible = plausible;
        this.writableStations = writableStations;
        this.stationExists = stationExists;
        this.latestAllowed = latestAllowed;
    }

    @Override
    public void accept(long line, Observation o) {
        received++;
        ZonedDateTime end = inBeijing(o.periodEnd());
        String problem = check(o, end);
        if (problem != null) {
            errors.add(new IngestReport.RowError(line, fieldOf(problem), reasonOf(problem)));
            return;
        }
        write(line, o, end);
    }

    @Override
    public void reject(long line, String field, String reason) {
        received++;
        errors.add(new IngestReport.RowError(line, field, reason));
    }

    /**
     * Whether a whole column of a wide file is to be skipped. A station outside the registry is another
     * city's (a national file has ~1 600 of them): skipped and listed apart, not an error. A registered
     * station this account may not write is refused once, at the header, counted as one received row.
     */
    @Override
    public boolean rejectColumn(long headerLine, String stationCode) {
        if (writableStations.containsKey(stationCode)) {
            return false;
        }
        if (!stationExists.test(stationCode)) {
            foreignStations.add(stationCode);
            return true;
        }
        if (rejectedStationColumns.add(stationCode)) {
            received++;
            errors.add(new IngestReport.RowError(headerLine, stationCode, reasonOf(checkStation(stationCode))));
        }
        return true;
    }

    /** Columns of stations outside the registry that a wide file carried and were skipped, by code. */
    Set<String> foreignStations() {
        return foreignStations;
    }

    /** "field: reason", or null when the value may be stored. */
    private String check(Observation o, ZonedDateTime end) {
        String station = checkStation(o.stationCode());
        if (station != null) {
            return station;
        }
        if (o.averaging() == Averaging.PUBLISHED
                ? !PUBLISHED_TYPE.matcher(o.pollutant()).matches()
                : Pollutant.parse(o.pollutant()).map(p -> !p.code().equals(o.pollutant())).orElse(true)) {
            return "pollutant\u0000未知污染物“" + o.pollutant() + "”（应为 SO2、NO2、PM10、CO、O3、PM2_5 之一）";
        }
        BigDecimal value = o.value();
        if (value.signum() < 0) {
            return "value\u0000浓度不能为负：" + value.toPlainString();
        }
        BigDecimal maximum = o.averaging() == Averaging.PUBLISHED ? null : plausible.maximumOf(o.pollutant());
        if (maximum != null && value.compareTo(maximum) > 0) {
            return "value\u0000" + o.pollutant() + " 数值 " + value.toString() + " 超出可信范围（上限 "
                    + maximum.toPlainString() + "），疑为仪器溢出或单位错误";
        }
        if (o.periodEnd().isAfter(latestAllowed)) {
            return "period_end\u0000时间晚于当前时刻：" + end.toLocalDateTime();
        }
        if (o.averaging() == Averaging.HOUR && (end.getMinute() != 0 || end.getSecond() != 0 || end.getNano() != 0)) {
            return "period_end\u0000小时值应以整点结束，不应为 " + end.toLocalTime();
        }
        if (o.averaging() == Averaging.DAY && !end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return "period_end\u0000日均值应以北京时间零点结束，不应为 " + end.toLocalTime();
        }
        if (!isFlag(o.flag())) {
            return "flag\u0000数据标记“" + o.flag() + "”应为 1–4 个字母";
        }
        return null;
    }

    /** Rows come in runs of one time (every pollutant of an hour): its conversions are made once per run. */
    private ZonedDateTime inBeijing(Instant periodEnd) {
        if (!periodEnd.equals(lastPeriodEnd)) {
            lastPeriodEnd = periodEnd;
            lastEnd = periodEnd.atZone(BeijingTime.ZONE);
            lastEndText = periodEnd.toString();
        }
        return lastEnd;
    }

    /** One to four ASCII letters. */
    private static boolean isFlag(String flag) {
        if (flag.isEmpty() || flag.length() > 4) {
            return false;
        }
        for (int i = 0; i < flag.length(); i++) {
            char c = flag.charAt(i);
            if ((c < 'A' || c > 'Z') && (c < 'a' || c > 'z')) {
                return false;
            }
        }
        return true;
    }

    private String checkStation(String code) {
        if (writableStations.containsKey(code)) {
            return null;
        }
        return stationExists.test(code)
                ? "station\u0000站点 " + code + " 不在本账号可写入的范围内"
                : "station\u0000未知站点“" + code + "”（请先登记站点或导入国家站点名录）";
    }

    private static String fieldOf(String problem) {
        return problem.substring(0, problem.indexOf('\u0000'));
    }

    private static String reasonOf(String problem) {
        return problem.substring(problem.indexOf('\u0000') + 1);
    }

    private void write(long line, Observation o, ZonedDateTime end) {
        months.computeIfAbsent(o.averaging(), a -> new HashSet<>()).add(YearMonth.from(end));
        remember(o);
        if (o.averaging() != Averaging.PUBLISHED && !o.stationCode().equals(lastMeasuredStation)) {
            lastMeasuredStation = o.stationCode();
            measuredStations.add(lastMeasuredStation);
        }
        if (first == null || o.periodEnd().isBefore(first)) {
            first = o.periodEnd();
        }
        if (last == null || o.periodEnd().isAfter(last)) {
            last = o.periodEnd();
        }
        ++sequence;
        if (layout == null) {
            return;
        }
        run.add(new Staged(sequence, line, o, lastEndText));
        if (run.size() == RUN_LENGTH) {
            flushRun();
        }
    }

    /** Sends the values still held back; the COPY is complete after this. */
    void finish() {
        flushRun();
    }

    private void flushRun() {
        try {
            for (int i : keyOrder(run)) {
                Staged s = run.get(i);
                // COPY text format; every field was checked above to hold no tab, newline or backslash
                row.setLength(0);
                layout.append(row, s.seq(), s.line(), s.observation(), s.periodEndText());
                copy.append(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run.clear();
    }

    /**
     * The run's indices in key order, sorted as packed longs (station rank 12 bits, pollutant rank 6,
     * averaging 2, hour 24, index 17: a run is at most 2^16) because comparing the fields themselves costs more than the sort saves.
     * A run that does not pack (too many stations, times beyond 1 900 years) keeps the order it came in.
     */
    private static int[] keyOrder(List<Staged> run) {
        Map<String, Integer> stationRank = ranks(run, s -> s.observation().stationCode());
        Map<String, Integer> pollutantRank = ranks(run, s -> s.observation().pollutant());
        if (stationRank.size() >= 1 << 12 || pollutantRank.size() >= 1 << 6) {
            return java.util.stream.IntStream.range(0, run.size()).toArray();
        }
        long[] keys = new long[run.size()];
        for (int i = 0; i < keys.length; i++) {
            Observation o = run.get(i).observation();
            long hour = Math.floorDiv(o.periodEnd().getEpochSecond(), 3600) + (1L << 23);
            if (hour < 0 || hour >= 1L << 24) {
                return java.util.stream.IntStream.range(0, run.size()).toArray();
            }
            keys[i] = (long) stationRank.get(o.stationCode()) << 49 | (long) pollutantRank.get(o.pollutant()) << 43
                    | (o.averaging().code().equals("1d") ? 0L : 1L) << 41 | hour << 17 | i;
        }
        java.util.Arrays.sort(keys);
        int[] order = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            order[i] = (int) (keys[i] & ((1 << 17) - 1));
        }
        return order;
    }

    /** Each distinct text's place in the order PostgreSQL's text index keeps (code points; the codes are ASCII). */
    private static Map<String, Integer> ranks(List<Staged> run, java.util.function.Function<Staged, String> field) {
        Map<String, Integer> ranks = new java.util.HashMap<>();
        for (Staged s : run) {
            ranks.putIfAbsent(field.apply(s), 0);
        }
        List<String> sorted = new ArrayList<>(ranks.keySet());
        java.util.Collections.sort(sorted);
        for (int i = 0; i < sorted.size(); i++) {
            ranks.put(sorted.get(i), i);
        }
        return ranks;
    }

    /**
     * Series and hour of each staged value packed into a long (station 20 bits, pollutant 8, averaging 2,
     * hour since 1970 offset by 2^33: 34), so repeats can be found by sorting 8 bytes a row. Values that are
     * not on the hour are packed by hour too; that can only report a repeat that is not one, never miss one.
     */
    private void remember(Observation o) {
        long station = stationIndex.computeIfAbsent(o.stationCode(), c -> stationIndex.size());
        long pollutant = pollutantIndex.computeIfAbsent(o.pollutant(), c -> pollutantIndex.size());
        long hour = Math.floorDiv(o.periodEnd().getEpochSecond(), 3600) + (1L << 33);
        if (keyCount == keys.length) {
            keys = java.util.Arrays.copyOf(keys, keys.length * 2);
        }
        keys[keyCount++] = station << 44 | pollutant << 36 | (long) o.averaging().ordinal() << 34 | hour;
    }

    /** Whether some series and hour was staged more than once (or the batch is too varied to tell cheaply). */
    boolean hasRepeatedKeys() {
        if (stationIndex.size() >= 1 << 20 || pollutantIndex.size() >= 1 << 8) {
            return true;
        }
        long[] sorted = java.util.Arrays.copyOf(keys, keyCount);
        java.util.Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                return true;
            }
        }
        return false;
    }

    /** Stations with an accepted measurement (not a published value). */
    Set<String> measuredStations() {
        return measuredStations;
    }

    /** Values that passed every check (and were written, with a layout). */
    long accepted() {
        return sequence;
    }

    /** Stations with an accepted value of either kind. */
    Set<String> stations() {
        return stationIndex.keySet();
    }

    /** Whether an accepted value is of the published kind (kept in the reference table). */
    boolean hasPublishedValues() {
        return months.containsKey(Averaging.PUBLISHED);
    }

    long received() {
        return received;
    }

    List<IngestReport.RowError> errors() {
        return errors;
    }

    /** Months (Beijing time) that accepted values of the measured (target 0) or published (1) kind fall in. */
    Set<YearMonth> months(boolean published) {
        Set<YearMonth> result = new HashSet<>();
        months.forEach((averaging, ms) -> {
            if ((averaging == Averaging.PUBLISHED) == published) {
                result.addAll(ms);
            }
        });
        return result;
    }

    Instant first() {
        return first;
    }

    Instant last() {
        return last;
    }
}
