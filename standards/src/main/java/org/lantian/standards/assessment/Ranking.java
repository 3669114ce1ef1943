package org.lantian.standards.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Ranks by a value, smallest first, equal values sharing a rank and the next rank skipping ("以并列计":
 * 1, 2, 2, 4). The composite index and its change rate are ranked this way (STANDARDS §3.3).
 */
public final class Ranking {

    private Ranking() {
    }

    /** One ranked entry. */
    public record Ranked<K>(K key, BigDecimal value, int rank) {
    }

    /** Ascending ranks; keys with equal values keep the iteration order of {@code values}. */
    public static <K> List<Ranked<K>> ascending(Map<K, BigDecimal> values) {
        List<Map.Entry<K, BigDecimal>> entries = new ArrayList<>(values.entrySet());
        entries.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
        List<Ranked<K>> ranked = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            BigDecimal value = entries.get(i).getValue();
            int rank = i > 0 && value.compareTo(entries.get(i - 1).getValue()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Ranked<>(entries.get(i).getKey(), value, rank));
        }
        return ranked;
    }
}
