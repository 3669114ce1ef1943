package org.lantian.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The demo's air is a function of the hour: a live feed continues it, and a repeated hour changes nothing. */
class AirSimulatorTest {

    private static List<AirSimulator.Value> hours(Instant from, Instant to) {
        List<AirSimulator.Value> out = new ArrayList<>();
        new AirSimulator(DemoData.SEED).simulate(List.of("1049A", "DEMO-130402-T1"), from, to, out::add);
        return out;
    }

    @Test
    void theSameHourHasTheSameValuesWhicheverWindowItIsSimulatedIn() {
        Instant day = Instant.parse("2026-11-30T16:00:00Z");
        List<AirSimulator.Value> wide = hours(day.minusSeconds(60L * 86400), day);
        List<AirSimulator.Value> narrow = hours(day.minusSeconds(3 * 3600), day);
        assertThat(narrow).isNotEmpty();
        assertThat(wide).containsAll(narrow);
    }

    @Test
    void theAirVariesFromHourToHourAndFromDayToDay() {
        Instant day = Instant.parse("2026-01-15T16:00:00Z");
        List<Double> pm25 = hours(day.minusSeconds(10L * 86400), day).stream()
                .filter(v -> v.pollutant().equals("PM2_5") && v.station().equals("1049A"))
                .map(v -> v.value().doubleValue()).toList();
        assertThat(pm25).hasSizeGreaterThan(200);
        assertThat(pm25.stream().distinct().count()).isGreaterThan(50);
        assertThat(pm25.stream().mapToDouble(Double::doubleValue).max().orElseThrow()).isGreaterThan(
                2 * pm25.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
    }
}
