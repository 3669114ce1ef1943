package org.lantian.platform.airquality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

import org.lantian.platform.geo.Division;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.monitoring.NotFound;
import org.lantian.standards.Pollutant;
import org.lantian.standards.RuleSet;
import org.lantian.standards.assessment.ChangeRate;
import org.lantian.standards.assessment.CompositeIndex;
import org.lantian.standards.assessment.DailyValues;
import org.lantian.standards.assessment.DayCounts;
import org.lantian.standards.assessment.ValidDay;
import org.lantian.standards.assessment.PeriodSummary;
import org.lantian.standards.assessment.Ranking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Figures of the city or a county for any period, from the stored area days: the six concentrations, the
 * composite index, good and heavy days, primary-pollutant counts, and the change against the same period
 * a year earlier; and the county rankings built on them. Provisional while their days are.
 */
@Service
public class AirQualityPeriods {

    /** The composite-index definition figures use until the office chooses a 2026 variant (STANDARDS §3.1). */
    static final CompositeIndex.Definition INDEX = CompositeIndex.Definition.CN2012;

    private final JdbcClient jdbc;
    private final Divisions divisions;
    private final Actors actors;
    private final org.lantian.platform.identity.AuditLog audit;
    private final ResultsGeneration generation;
    private final ValidDay.PartialDays partialDays;
    private final java.time.Clock clock;

    AirQualityPeriods(JdbcClient jdbc, Divisions divisions, Actors actors, org.lantian.platform.identity.AuditLog audit,
                      ResultsGeneration generation, java.time.Clock clock,
                      @org.springframework.beans.factory.annotation.Value("${lantian.airquality.count-partial-days:false}") boolean countPartialDays) {
        this.partialDays = countPartialDays ? ValidDay.PartialDays.COUNTED : ValidDay.PartialDays.NOT_COUNTED;
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.actors = actors;
        this.audit = audit;
        this.generation = generation;
        this.clock = clock;
    }

    /**
     * @param concentrations   the six period statistics as published (PM2.5 1 decimal under the 2026 rules)
     * @param compositeIndex   2 decimals; null when a pollutant has no valid day
     * @param primaryDays      days each pollutant was primary (days with AQI &gt; 50)
     * @param pm25ChangePercent and {@code indexChangePercent}: against the same days a year earlier, 1 decimal; positive is worse
     * @param sandDust   the same figures with the imported sand-and-dust days deducted (PM10 and PM2.5 statistics,
     *                   composite index, and the good-day ratio excluding sand abnormal exceedance days), STANDARDS §3.6
     */
    public record Figures(String areaCode, String name, LocalDate from, LocalDate to, String ruleSet, String indexDefinition,
                          Map<Pollutant, BigDecimal> concentrations, BigDecimal compositeIndex, int validDays,
                          int goodDays, BigDecimal goodDayRatio, int heavyDays, Map<Pollutant, Integer> primaryDays,
                          BigDecimal indexChangePercent, BigDecimal pm25ChangePercent, boolean provisional,
                          SandDustDeducted sandDust) {
    }

    /** Figures with sand-and-dust days deducted; {@code days} is how many such days the period had. */
    public record SandDustDeducted(int days, BigDecimal pm10, BigDecimal pm25, BigDecimal compositeIndex,
                                   BigDecimal goodDayRatio, int heavyDays) {
    }

    /**
     * The figures of an area (the city or one of the 20 units) for {@code from}–{@code to} inclusive.
     *
     * @throws NotFound when the area is not Handan or one of its units, or lies outside the actor's scope
     */
    public Figures area(String areaCode, LocalDate from, LocalDate to) {
        Division area = visibleArea(areaCode);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to：结束日期 " + to + " 早于开始日期 " + from);
        }
        return generation.get(List.of("figures", area.code(), from, to), () -> figures(area, from, to));
    }

    /**
     * One day's AQI of an area, for the calendar; {@code aqi} null means "NA". A day that is not
     * {@code counted} (a partial day under HJ 633-2012, see docs/valid-days.md) shows its AQI but is in
     * no day count.
     */
    public record DayAqi(LocalDate day, Integer aqi, List<Pollutant> primary, boolean provisional, boolean counted) {
    }

    /**
     * The daily AQI of the city or a county for each day with data between {@code from} and {@code to}.
     *
     * @throws NotFound when the area is not Handan or one of its units, or lies outside the actor's scope
     */
    public List<DayAqi> dailyAqi(String areaCode, LocalDate from, LocalDate to) {
        area(areaCode, from, from); // the same existence and scope checks as the figures
        return days(areaCode, from, to).stream()
                .map(d -> new DayAqi(d.values().date(), d.aqi().isPresent() ? d.aqi().getAsInt() : null, d.primary(), d.provisional(),
                        countedAqi(d).isPresent()))
                .toList();
    }

    /**
     * One month of a year against the same days a year earlier (同比): PM2.5 in μg/m³ and the composite index,
     * null where the period has no valid day. The current month runs to yesterday, like the targets' progress.
     */
    public record MonthAgainstLastYear(int month, LocalDate from, LocalDate to, BigDecimal pm25, BigDecimal compositeIndex,
                                       BigDecimal lastYearPm25, BigDecimal lastYearCompositeIndex) {
    }

    /**
     * The months of {@code year} up to yesterday, each against the same days of the year before.
     *
     * @throws NotFound when the area is not Handan or one of its units, or lies outside the actor's scope
     */
    public List<MonthAgainstLastYear> monthsAgainstLastYear(String areaCode, int year) {
        if (year < 2013 || year > 2100) {
            throw new IllegalArgumentException("year：" + year + " 不在 2013–2100 之间（国家网数据始于 2013 年）");
        }
        visibleArea(areaCode);
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        List<MonthAgainstLastYear> months = new java.util.ArrayList<>();
        for (LocalDate from = LocalDate.of(year, 1, 1); from.getYear() == year && !from.isAfter(yesterday); from = from.plusMonths(1)) {
            LocalDate monthEnd = from.plusMonths(1).minusDays(1);
            LocalDate to = monthEnd.isAfter(yesterday) ? yesterday : monthEnd;
            Figures now = area(areaCode, from, to);
            Figures before = area(areaCode, from.minusYears(1), to.minusYears(1));
            months.add(new MonthAgainstLastYear(from.getMonthValue(), from, to, now.concentrations().get(Pollutant.PM2_5),
                    now.compositeIndex(), before.concentrations().get(Pollutant.PM2_5), before.compositeIndex()));
        }
        return months;
    }

    /**
     * The city or one of its units, if the actor may see its figures: everyone sees the city's, a county
     * user only its own unit's.
     *
     * @throws NotFound otherwise (existence is not revealed)
     */
    Division visibleArea(String areaCode) {
        Division area = divisions.find(areaCode).orElseThrow(() -> new NotFound("区域 " + areaCode));
        if (!maySee(area.code())) {
            throw new NotFound("区域 " + areaCode);
        }
        return area;
    }

    /** Whether the actor may see an area's figures (see {@link #visibleArea}). */
    boolean maySee(String areaCode) {
        return areaCode.equals(Divisions.CITY_CODE) || actors.current().scope().covers(areaCode);
    }

    /** One county in a ranking: its figures and its places (1 = best). */
    public record RankedCounty(Figures figures, int indexRank, int pm25Rank, Integer indexImprovementRank,
                               Integer pm25ImprovementRank) {
    }

    /**
     * The 20 county-level units ranked by composite index and by PM2.5, on absolute value (ascending) and on
     * improvement against the same period a year earlier (most improved first), ties sharing a place
     * ("既比绝对值又比改善率"). Rankings are published to every unit, so county users see all of it.
     */
    public List<RankedCounty> countyRanking(LocalDate from, LocalDate to) {
        return generation.get(List.of("countyRanking", from, to), () -> computeCountyRanking(from, to));
    }

    private List<RankedCounty> computeCountyRanking(LocalDate from, LocalDate to) {
        List<Figures> counties = divisions.countyLevelUnits().stream().map(d -> figures(d, from, to)).toList();
        Map<String, Integer> byIndex = ranks(counties, Figures::compositeIndex);
        Map<String, Integer> byPm25 = ranks(counties, f -> f.concentrations().get(Pollutant.PM2_5));
        Map<String, Integer> byIndexChange = ranks(counties, Figures::indexChangePercent);
        Map<String, Integer> byPm25Change = ranks(counties, Figures::pm25ChangePercent);
        return counties.stream()
                .map(f -> new RankedCounty(f, byIndex.getOrDefault(f.areaCode(), 0), byPm25.getOrDefault(f.areaCode(), 0),
                        byIndexChange.get(f.areaCode()), byPm25Change.get(f.areaCode())))
                .sorted((a, b) -> Integer.compare(rankOrLast(a.indexRank()), rankOrLast(b.indexRank())))
                .toList();
    }

    private static int rankOrLast(int rank) {
        return rank == 0 ? Integer.MAX_VALUE : rank;
    }

    private static Map<String, Integer> ranks(List<Figures> counties, java.util.function.Function<Figures, BigDecimal> value) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        counties.forEach(f -> {
            BigDecimal v = value.apply(f);
            if (v != null) {
                values.put(f.areaCode(), v);
            }
        });
        Map<String, Integer> ranks = new LinkedHashMap<>();
        Ranking.ascending(values).forEach(r -> ranks.put(r.key(), r.rank()));
        return ranks;
    }

    /** Where area days are read from: the current results, or the provisional ones a review superseded. */
    enum DayTable {
        CURRENT("airquality_area_day"), SUPERSEDED_PROVISIONAL("airquality_provisional_area_day");

        private final String table;

        DayTable(String table) {
            this.table = table;
        }
    }

    private Figures figures(Division area, LocalDate from, LocalDate to) {
        return figures(area, from, to, DayTable.CURRENT);
    }

    Figures figures(Division area, LocalDate from, LocalDate to, DayTable table) {
        List<StoredDay> days = days(table, area.code(), from, to);
        List<StoredDay> lastYear = days(table, area.code(), from.minusYears(1), to.minusYears(1));
        RuleSet rules = RuleSet.forDate(to);
        PeriodSummary summary = PeriodSummary.of(from, to, days.stream().map(StoredDay::values).toList());
        PeriodSummary previous = PeriodSummary.of(from.minusYears(1), to.minusYears(1), lastYear.stream().map(StoredDay::values).toList());
        Optional<CompositeIndex.Result> index = summary.compositeIndex(INDEX, CompositeIndex.Rounding.SUM_ONCE);
        Optional<CompositeIndex.Result> previousIndex = previous.compositeIndex(INDEX, CompositeIndex.Rounding.SUM_ONCE);
        Map<Pollutant, BigDecimal> concentrations = new EnumMap<>(Pollutant.class);
        for (Pollutant p : Pollutant.values()) {
            summary.rounded(p, rules).ifPresent(v -> concentrations.put(p, v));
        }
        DayCounts counts = DayCounts.of(days.stream().map(d -> new DayCounts.Day(d.values().date(), countedAqi(d), false)).toList(), false);
        Map<Pollutant, Integer> primary = new TreeMap<>();
        days.stream().filter(d -> countedAqi(d).isPresent()).forEach(d -> d.primary().forEach(p -> primary.merge(p, 1, Integer::sum)));
        BigDecimal indexChange = index.isPresent() && previousIndex.isPresent()
                ? percent(index.get().total(), previousIndex.get().total()) : null;
        BigDecimal pm25Change = concentrations.containsKey(Pollutant.PM2_5) && previous.statistics().containsKey(Pollutant.PM2_5)
                ? percent(concentrations.get(Pollutant.PM2_5), previous.rounded(Pollutant.PM2_5, rules).orElseThrow()) : null;
        java.util.Set<LocalDate> sand = sandDustDays(area.code(), from, to);
        PeriodSummary deducted = PeriodSummary.of(from, to, days.stream().map(StoredDay::values).toList(), sand);
        DayCounts deductedCounts = DayCounts.of(days.stream()
                .map(d -> new DayCounts.Day(d.values().date(), countedAqi(d), sand.contains(d.values().date()))).toList(), true);
        SandDustDeducted sandDust = new SandDustDeducted(sand.size(), deducted.rounded(Pollutant.PM10, rules).orElse(null),
                deducted.rounded(Pollutant.PM2_5, rules).orElse(null),
                deducted.compositeIndex(INDEX, CompositeIndex.Rounding.SUM_ONCE).map(CompositeIndex.Result::total).orElse(null),
                deductedCounts.goodDayRatio().orElse(null), deductedCounts.heavyDays());
        return new Figures(area.code(), area.shortName(), from, to, rules.name(), INDEX.name(), concentrations,
                index.map(CompositeIndex.Result::total).orElse(null), counts.validDays(), counts.goodDays(),
                counts.goodDayRatio().orElse(null), counts.heavyDays(), primary, indexChange, pm25Change,
                days.stream().anyMatch(StoredDay::provisional), sandDust);
    }

    /** The AQI a stored day counts with in day counts, by the one valid-day rule ({@link ValidDay}). */
    private OptionalInt countedAqi(StoredDay day) {
        return ValidDay.countedAqi(RuleSet.forDate(day.values().date()), day.values(), day.aqi(), partialDays);
    }

    /** The office's choice for partial days under HJ 633-2012 (docs/valid-days.md). */
    ValidDay.PartialDays partialDays() {
        return partialDays;
    }

    /** The imported sand-and-dust days of an area in a period. */
    public java.util.Set<LocalDate> sandDustDays(String areaCode, LocalDate from, LocalDate to) {
        return new java.util.TreeSet<>(jdbc.sql("SELECT day FROM airquality_sand_dust_day WHERE area_code = ? AND day BETWEEN ? AND ?")
                .params(areaCode, Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> rs.getDate(1).toLocalDate()).list());
    }

    /** Records officially flagged sand-and-dust days of an area (city office), audited. */
    @org.springframework.transaction.annotation.Transactional
    public int importSandDustDays(String areaCode, List<LocalDate> days, String reason) {
        if (!actors.current().isCityOffice()) {
            throw new org.lantian.platform.identity.AccessDenied(actors.current().username() + " may not import sand-and-dust days");
        }
        Division area = divisions.require(areaCode);
        int added = 0;
        for (LocalDate day : days) {
            added += jdbc.sql("""
                            INSERT INTO airquality_sand_dust_day (area_code, day, imported_by, imported_at) VALUES (?, ?, ?, now())
                            ON CONFLICT DO NOTHING""")
                    .params(area.code(), Date.valueOf(day), actors.current().username()).update();
        }
        generation.advanceAfterCommit();
        audit.record("airquality.sand-dust.imported", "area", area.code(),
                area.code().equals(Divisions.CITY_CODE) ? null : area.code(), reason, Map.of("days", days.toString(), "added", added));
        return added;
    }

    private static BigDecimal percent(BigDecimal current, BigDecimal previous) {
        return ChangeRate.percent(current, previous).map(v -> v.setScale(1, RoundingMode.HALF_EVEN)).orElse(null);
    }

    record StoredDay(DailyValues values, OptionalInt aqi, List<Pollutant> primary, boolean provisional) {
    }

    List<StoredDay> days(String areaCode, LocalDate from, LocalDate to) {
        return days(DayTable.CURRENT, areaCode, from, to);
    }

    private List<StoredDay> days(DayTable table, String areaCode, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT * FROM " + table.table + " WHERE area_code = ? AND day BETWEEN ? AND ? ORDER BY day")
                .params(areaCode, Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> {
                    Integer aqi = (Integer) rs.getObject("aqi");
                    List<Pollutant> primary = new ArrayList<>();
                    for (String p : (String[]) rs.getArray("primary_pollutants").getArray()) {
                        primary.add(Pollutant.valueOf(p));
                    }
                    return new StoredDay(DayRows.read(rs), aqi == null ? OptionalInt.empty() : OptionalInt.of(aqi), primary,
                            rs.getBoolean("provisional"));
                })
                .list();
    }
}
