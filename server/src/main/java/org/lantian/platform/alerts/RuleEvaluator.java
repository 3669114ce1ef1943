package org.lantian.platform.alerts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.lantian.platform.geo.Divisions;
import org.lantian.platform.monitoring.Station;

/** Tests a station-values rule on one station and hour of a {@link HourSnapshot}. */
final class RuleEvaluator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RuleEvaluator() {
    }

    /**
     * Whether the rule fires for the station at the hour: its conditions hold (all or any) in each of the
     * rule's sustain hours up to {@code hour}.
     *
     * @return the value of the first condition's measure at {@code hour} when it fires
     */
    static Optional<BigDecimal> fires(Rule rule, Station station, Instant hour, HourSnapshot data) {
        RuleDefinition d = rule.definition();
        if (!d.watches(station.stationClass())) {
            return Optional.empty();
        }
        for (int back = 0; back < d.sustainHours(); back++) {
            if (!holds(d, station, hour.minus(Duration.ofHours(back)), data)) {
                return Optional.empty();
            }
        }
        return data.value(station.code(), hour, d.conditions().get(0).measure());
    }

    static boolean holds(RuleDefinition d, Station station, Instant hour, HourSnapshot data) {
        if (d.match() == RuleDefinition.Match.ALL) {
            return d.conditions().stream().allMatch(c -> holds(c, d, station, hour, data));
        }
        return d.conditions().stream().anyMatch(c -> holds(c, d, station, hour, data));
    }

    static boolean holds(Condition c, RuleDefinition d, Station station, Instant hour, HourSnapshot data) {
        Optional<BigDecimal> value = data.value(station.code(), hour, c.measure());
        if (value.isEmpty()) {
            return false;
        }
        BigDecimal v = value.get();
        switch (c.type()) {
            case ABOVE:
                return v.compareTo(c.threshold()) >= 0;
            case ABOVE_AREA: {
                String area = c.area() == Condition.Area.CITY ? Divisions.CITY_CODE : station.countyCode();
                return data.areaValue(area, hour, c.measure()).map(mean -> exceeds(v, mean, c.percent())).orElse(false);
            }
            case ABOVE_NEIGHBOURS:
                return neighbourMean(c, station, hour, data).map(mean -> exceeds(v, mean, c.percent())).orElse(false);
            case RISE:
                return data.value(station.code(), hour.minus(Duration.ofHours(c.hours())), c.measure())
                        .map(before -> v.subtract(before).compareTo(c.threshold()) >= 0).orElse(false);
            case LOCAL:
                return data.areaValue(Divisions.CITY_CODE, hour, c.measure())
                        .map(mean -> mean.compareTo(c.threshold()) < 0 || exceeds(v, mean, c.percent())).orElse(true);
            case WORST_N: {
                long higher = data.stations().stream()
                        .filter(s -> d.watches(s.stationClass()))
                        .map(s -> data.value(s.code(), hour, c.measure()))
                        .filter(o -> o.isPresent() && o.get().compareTo(v) > 0)
                        .count();
                return higher < c.n();
            }
            default:
                throw new IllegalStateException("unknown condition type " + c.type());
        }
    }

    /** value ≥ mean × (1 + percent / 100), compared exactly. */
    private static boolean exceeds(BigDecimal value, BigDecimal mean, BigDecimal percent) {
        return value.multiply(HUNDRED).compareTo(mean.multiply(HUNDRED.add(percent))) >= 0;
    }

    private static Optional<BigDecimal> neighbourMean(Condition c, Station station, Instant hour, HourSnapshot data) {
        if (station.lon() == null || station.lat() == null) {
            return Optional.empty();
        }
        BigDecimal sum = BigDecimal.ZERO;
        int n = 0;
        for (Station other : data.stations()) {
            if (other.code().equals(station.code()) || other.lon() == null || other.lat() == null
                    || distanceKm(station, other) > c.radiusKm().doubleValue()) {
                continue;
            }
            Optional<BigDecimal> value = data.value(other.code(), hour, c.measure());
            if (value.isPresent()) {
                sum = sum.add(value.get());
                n++;
            }
        }
        return n == 0 ? Optional.empty() : Optional.of(sum.divide(BigDecimal.valueOf(n), 6, RoundingMode.HALF_EVEN));
    }

    static double distanceKm(Station a, Station b) {
        return org.lantian.platform.geo.LonLat.metresBetween(a.lon().doubleValue(), a.lat().doubleValue(),
                b.lon().doubleValue(), b.lat().doubleValue()) / 1000;
    }
}
