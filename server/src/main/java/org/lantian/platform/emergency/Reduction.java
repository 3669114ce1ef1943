package org.lantian.platform.emergency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lantian.platform.enterprises.Facilities;

/**
 * A plant's expected emergency reduction, in tonnes a day, from its baselines: a production cut takes its
 * percentage of every baseline; stopping by line takes the lines named (or, generated, the given share of the
 * lines counted up, the largest emitters first) and the same share of the baselines kept for the whole plant;
 * stopping takes everything; self-determined measures count nothing.
 *
 * @param stopLineIds the production lines that stop
 * @param base        the plant's baseline per pollutant, tonnes a day
 * @param cut         the expected reduction per pollutant, tonnes a day
 */
public record Reduction(List<Long> stopLineIds, Map<String, BigDecimal> base, Map<String, BigDecimal> cut) {

    static final List<String> POLLUTANTS = Facilities.BASELINE_POLLUTANTS;
    private static final BigDecimal DAYS = BigDecimal.valueOf(365);
    private static final int SCALE = 4;

    /** The reduction of a measure; {@code chosenLines} (for STOP_SHARE) overrides the share when not null. */
    static Reduction of(Facilities.PlantBase plant, MeasureKind kind, int percent, List<Long> chosenLines) {
        List<Facilities.LineBase> lines = plant.lines();
        List<Long> stopped = switch (kind) {
            case STOP -> lines.stream().map(Facilities.LineBase::id).toList();
            case STOP_SHARE -> chosenLines != null ? chosenLines : largestFirst(lines, percent);
            default -> List.of();
        };
        BigDecimal plantShare = switch (kind) {
            case SELF -> BigDecimal.ZERO;
            case CUT -> BigDecimal.valueOf(percent, 2);
            case STOP -> BigDecimal.ONE;
            case STOP_SHARE -> lines.isEmpty() ? BigDecimal.valueOf(percent, 2)
                    : BigDecimal.valueOf(stopped.size()).divide(BigDecimal.valueOf(lines.size()), 10, RoundingMode.HALF_EVEN);
        };
        Map<String, BigDecimal> base = new LinkedHashMap<>();
        Map<String, BigDecimal> cut = new LinkedHashMap<>();
        for (String pollutant : POLLUTANTS) {
            BigDecimal wholePlant = plant.plantTonnes().getOrDefault(pollutant, BigDecimal.ZERO);
            BigDecimal total = wholePlant;
            BigDecimal reduced = wholePlant.multiply(plantShare);
            for (Facilities.LineBase line : lines) {
                BigDecimal t = line.tonnes().getOrDefault(pollutant, BigDecimal.ZERO);
                total = total.add(t);
                if (kind == MeasureKind.CUT) {
                    reduced = reduced.add(t.multiply(plantShare));
                } else if (stopped.contains(line.id())) {
                    reduced = reduced.add(t);
                }
            }
            base.put(pollutant, total.divide(DAYS, SCALE, RoundingMode.HALF_EVEN));
            cut.put(pollutant, reduced.divide(DAYS, SCALE, RoundingMode.HALF_EVEN));
        }
        return new Reduction(stopped, base, cut);
    }

    /** The share of the lines, counted up, that emit the most (all pollutants together), ties by line. */
    private static List<Long> largestFirst(List<Facilities.LineBase> lines, int percent) {
        int count = (int) Math.ceil(lines.size() * percent / 100.0);
        List<Facilities.LineBase> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparing((Facilities.LineBase l) -> l.tonnes().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .reversed().thenComparing(Facilities.LineBase::id));
        return sorted.subList(0, count).stream().map(Facilities.LineBase::id).toList();
    }
}
