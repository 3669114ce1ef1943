package org.lantian.platform.airquality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantian.standards.Pollutant;
import org.lantian.standards.RuleSet;
import org.lantian.standards.assessment.CompositeIndex;
import org.lantian.standards.assessment.DailyValues;
import org.lantian.standards.assessment.ValidDay;
import org.lantian.standards.aqi.AqiOptions;
import org.lantian.standards.assessment.PeriodSummary;
import org.lantian.standards.assessment.Ranking;
import org.springframework.stereotype.Service;

/**
 * Handan's place among the key cities: a provisional ranking computed from the national network's public
 * hourly data (every city's days, period statistics and composite index exactly as for Handan's own
 * figures), beside the official table when it has been imported, and the distance to the bottom-10 line.
 * The data are public, so every signed-in user sees all of it.
 */
@Service
public class KeyCityRanking {

    private final NationalNetwork network;
    private final OfficialRankings official;
    private final ResultsGeneration generation;

    private final AirQualityPeriods periods;

    KeyCityRanking(NationalNetwork network, OfficialRankings official, ResultsGeneration generation, AirQualityPeriods periods) {
        this.periods = periods;
        this.network = network;
        this.official = official;
        this.generation = generation;
    }

    /**
     * One city's figures and places. {@code rank} is null when the city's period has no composite index
     * (a pollutant without a valid day); {@code officialRank} when no official table covers the period.
     */
    public record RankedCity(String city, String province, int validDays, BigDecimal compositeIndex, BigDecimal pm25,
                             Integer rank, Integer officialRank, BigDecimal officialIndex) {
    }

    /**
     * Where the bottom-10 line lies. Handan is outside the bottom 10 exactly when its index is at most
     * {@code lineIndex}, the index of the city ranked {@code cities − 10} among the others (ties share a
     * place, so an equal index is outside). {@code indexToFall} &gt; 0: how much Handan's index must fall to
     * reach the line; &lt; 0: its margin above it. {@code pm25ToFall}: the same in PM2.5 alone, in µg/m³.
     */
    public record BottomLine(int lastPlaceOutside, BigDecimal lineIndex, BigDecimal handanIndex, boolean inBottom,
                             BigDecimal indexToFall, BigDecimal pm25ToFall) {
    }

    /**
     * @param ranked  every city of the list with data, best first, unranked ones last
     * @param missing cities of the list without any data for the period
     */
    public record Result(KeyCities list, LocalDate from, LocalDate to, String indexDefinition, List<RankedCity> ranked,
                         List<String> missing, RankedCity handan, BottomLine bottomLine, OfficialRankings.Table officialTable,
                         HandanBasis handanBasis) {
    }

    /**
     * Where Handan's row comes from. When the platform has Handan's own figures for the period, the row is
     * those figures (the overview, the county ranking and the targets say the same); {@code networkIndex}
     * and {@code networkPm25} are what the public network files alone give, shown when they differ.
     */
    public record HandanBasis(boolean ownFigures, BigDecimal networkIndex, BigDecimal networkPm25) {

        /** Whether the public files alone give another index or PM2.5 than the platform's own figures. */
        public boolean differs(RankedCity handan) {
            return ownFigures && handan != null && (!java.util.Objects.equals(networkIndex, handan.compositeIndex())
                    || !java.util.Objects.equals(networkPm25, handan.pm25()));
        }
    }

    /** The list ranked for {@code from}–{@code to} inclusive (the Hebei county list cannot be computed). */
    public Result rank(KeyCities list, LocalDate from, LocalDate to) {
        if (!list.computed()) {
            throw new IllegalArgumentException("list：" + list + " 仅由河北省发布，请作为官方排名表导入");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to：结束日期 " + to + " 早于开始日期 " + from);
        }
        return generation.get(List.of("keyCities", list, from, to), () -> compute(list, from, to));
    }

    private Result compute(KeyCities list, LocalDate from, LocalDate to) {
        Map<String, List<DailyValues>> days = network.cityDays(from, to);
        OfficialRankings.Table table = official.find(list, from, to).orElse(null);
        RuleSet rules = RuleSet.forDate(to);
        Map<String, BigDecimal> indices = new LinkedHashMap<>();
        Map<String, PeriodSummary> summaries = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (KeyCities.City city : list.cities()) {
            List<DailyValues> cityDays = days.getOrDefault(city.name(), List.of());
            if (cityDays.isEmpty()) {
                missing.add(city.name());
                continue;
            }
            PeriodSummary summary = PeriodSummary.of(from, to, cityDays);
            summaries.put(city.name(), summary);
            summary.compositeIndex(AirQualityPeriods.INDEX, CompositeIndex.Rounding.SUM_ONCE)
                    .ifPresent(r -> indices.put(city.name(), r.total()));
        }
        AirQualityPeriods.Figures own = ownHandanFigures(from, to);
        BigDecimal networkIndex = indices.get(KeyCities.HANDAN);
        BigDecimal networkPm25 = summaries.containsKey(KeyCities.HANDAN)
                ? summaries.get(KeyCities.HANDAN).rounded(Pollutant.PM2_5, rules).orElse(null) : null;
        if (own != null) {
            indices.put(KeyCities.HANDAN, own.compositeIndex());
            missing.remove(KeyCities.HANDAN);
        }
        Map<String, Integer> ranks = new LinkedHashMap<>();
        Ranking.ascending(indices).forEach(r -> ranks.put(r.key(), r.rank()));
        List<RankedCity> ranked = new ArrayList<>();
        for (KeyCities.City city : list.cities()) {
            Optional<OfficialRankings.Rank> published = table == null ? Optional.empty() : table.of(city.name());
            Integer officialRank = published.map(OfficialRankings.Rank::rank).orElse(null);
            BigDecimal officialIndex = published.map(OfficialRankings.Rank::compositeIndex).orElse(null);
            if (own != null && city.name().equals(KeyCities.HANDAN)) {
                ranked.add(new RankedCity(city.name(), city.province(), own.validDays(), own.compositeIndex(),
                        own.concentrations().get(Pollutant.PM2_5), ranks.get(city.name()), officialRank, officialIndex));
                continue;
            }
            PeriodSummary summary = summaries.get(city.name());
            if (summary == null) {
                continue;
            }
            ranked.add(new RankedCity(city.name(), city.province(), countedDays(days.get(city.name())),
                    indices.get(city.name()), summary.rounded(Pollutant.PM2_5, rules).orElse(null), ranks.get(city.name()),
                    officialRank, officialIndex));
        }
        ranked.sort(Comparator.comparing((RankedCity c) -> c.rank() == null ? Integer.MAX_VALUE : c.rank())
                .thenComparing(RankedCity::city));
        RankedCity handan = ranked.stream().filter(c -> c.city().equals(KeyCities.HANDAN)).findFirst().orElse(null);
        return new Result(list, from, to, AirQualityPeriods.INDEX.name(), List.copyOf(ranked), List.copyOf(missing), handan,
                bottomLine(list, indices).orElse(null), table, new HandanBasis(own != null, networkIndex, networkPm25));
    }

    /** Handan's own figures of the period (the overview's), when its stations' data give a composite index. */
    private AirQualityPeriods.Figures ownHandanFigures(LocalDate from, LocalDate to) {
        AirQualityPeriods.Figures own = periods.area(org.lantian.platform.geo.Divisions.CITY_CODE, from, to);
        return own.compositeIndex() == null ? null : own;
    }

    /** Days that count by the one valid-day rule ({@link ValidDay}), as in every other figure. */
    private int countedDays(List<DailyValues> cityDays) {
        int counted = 0;
        for (DailyValues day : cityDays) {
            RuleSet rules = RuleSet.forDate(day.date());
            if (ValidDay.countedAqi(rules, day, day.aqi(rules, AqiOptions.DEFAULTS).aqi(), periods.partialDays()).isPresent()) {
                counted++;
            }
        }
        return counted;
    }

    /** The bottom-10 line of the 168 for Handan among the cities with an index; empty when Handan has none. */
    static Optional<BottomLine> bottomLine(KeyCities list, Map<String, BigDecimal> indices) {
        BigDecimal handan = indices.get(KeyCities.HANDAN);
        int cities = indices.size();
        int lastOutside = cities - KeyCities.BOTTOM;
        if (list != KeyCities.KEY_CITIES_168 || handan == null || lastOutside < 1) {
            return Optional.empty();
        }
        List<BigDecimal> others = indices.entrySet().stream().filter(e -> !e.getKey().equals(KeyCities.HANDAN))
                .map(Map.Entry::getValue).sorted().toList();
        BigDecimal line = others.get(lastOutside - 1);
        BigDecimal toFall = handan.subtract(line);
        // PM2.5 enters the index as weight × C / S: the same fall in PM2.5 alone is Δ × S / weight
        BigDecimal limit = AirQualityPeriods.INDEX.denominators().get(Pollutant.PM2_5);
        BigDecimal weight = AirQualityPeriods.INDEX.weights().get(Pollutant.PM2_5);
        BigDecimal pm25 = toFall.multiply(limit).divide(weight, 1, toFall.signum() > 0 ? RoundingMode.UP : RoundingMode.DOWN);
        return Optional.of(new BottomLine(lastOutside, line, handan, toFall.signum() > 0, toFall, pm25));
    }
}
