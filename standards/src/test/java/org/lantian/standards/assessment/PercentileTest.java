package org.lantian.standards.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PercentileTest {

    private static List<BigDecimal> of(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void reproducesThePublishedWorkedExample() {
        // STANDARDS §2.6: {3,4,8,2,5,4} → P90 = 6.5
        assertThat(Percentile.of(of("3", "4", "8", "2", "5", "4"), 90)).isEqualByComparingTo("6.5");
    }

    @Test
    void matchesTypeSevenOnKnownCases() {
        List<BigDecimal> ten = of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(Percentile.of(ten, 95)).isEqualByComparingTo("9.55");
        assertThat(Percentile.of(ten, 90)).isEqualByComparingTo("9.1");
        assertThat(Percentile.of(ten, 50)).isEqualByComparingTo("5.5");
        assertThat(Percentile.of(ten, 0)).isEqualByComparingTo("1");
        assertThat(Percentile.of(ten, 100)).isEqualByComparingTo("10");
    }

    @Test
    void anIntegerPositionTakesThatValue() {
        // n = 21, p = 95: k = 1 + 20·0.95 = 20 → X(20)
        List<BigDecimal> values = java.util.stream.IntStream.rangeClosed(1, 21).mapToObj(BigDecimal::valueOf).toList();
        assertThat(Percentile.of(values, 95)).isEqualByComparingTo("20");
    }

    @Test
    void oneValueIsItsOwnPercentile() {
        assertThat(Percentile.of(of("1.3"), 95)).isEqualByComparingTo("1.3");
    }

    @Test
    void refusesNoValues() {
        assertThatThrownBy(() -> Percentile.of(List.of(), 95)).hasMessageContaining("at least one");
    }

    @Property
    void liesBetweenTheSmallestAndLargestValue(@ForAll @Size(min = 1, max = 400) List<@IntRange(min = 0, max = 1000) Integer> values,
                                              @ForAll @IntRange(min = 0, max = 100) int percent) {
        List<BigDecimal> decimals = values.stream().map(BigDecimal::valueOf).toList();
        BigDecimal p = Percentile.of(decimals, percent);
        assertThat(p).isBetween(decimals.stream().min(BigDecimal::compareTo).orElseThrow(),
                decimals.stream().max(BigDecimal::compareTo).orElseThrow());
    }

    @Property
    void neverFallsAsThePercentRises(@ForAll @Size(min = 1, max = 400) List<@IntRange(min = 0, max = 1000) Integer> values,
                                     @ForAll @IntRange(min = 0, max = 99) int percent) {
        List<BigDecimal> decimals = values.stream().map(BigDecimal::valueOf).toList();
        assertThat(Percentile.of(decimals, percent + 1)).isGreaterThanOrEqualTo(Percentile.of(decimals, percent));
    }
}
