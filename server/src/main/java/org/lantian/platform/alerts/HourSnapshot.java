package org.lantian.platform.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantian.platform.airquality.AirQualityNow;
import org.lantian.platform.monitoring.Station;

/** The stations, and the station and area hours of a window, that rules are tested against. */
final class HourSnapshot {

    private final Map<String, Station> stations = new HashMap<>();
    private final Map<String, Map<Instant, AirQualityNow.HourAqi>> stationHours = new HashMap<>();
    private final Map<String, Map<Instant, AirQualityNow.HourAqi>> areaHours = new HashMap<>();

    HourSnapshot(Collection<Station> stations, List<AirQualityNow.HourAqi> stationHours, List<AirQualityNow.HourAqi> areaHours) {
        stations.forEach(s -> this.stations.put(s.code(), s));
        stationHours.forEach(h -> this.stationHours.computeIfAbsent(h.code(), c -> new HashMap<>()).put(h.hourEnd(), h));
        areaHours.forEach(h -> this.areaHours.computeIfAbsent(h.code(), c -> new HashMap<>()).put(h.hourEnd(), h));
    }

    Collection<Station> stations() {
        return stations.values();
    }

    Optional<Station> station(String code) {
        return Optional.ofNullable(stations.get(code));
    }

    Optional<BigDecimal> value(String stationCode, Instant hour, String measure) {
        return hour(stationHours, stationCode, hour).flatMap(h -> Measures.of(h, measure));
    }

    Optional<BigDecimal> areaValue(String areaCode, Instant hour, String measure) {
        return hour(areaHours, areaCode, hour).flatMap(h -> Measures.of(h, measure));
    }

    boolean hasHour(String stationCode, Instant hour) {
        return hour(stationHours, stationCode, hour).isPresent();
    }

    private static Optional<AirQualityNow.HourAqi> hour(Map<String, Map<Instant, AirQualityNow.HourAqi>> hours, String code, Instant hour) {
        Map<Instant, AirQualityNow.HourAqi> of = hours.get(code);
        return of == null ? Optional.empty() : Optional.ofNullable(of.get(hour));
    }
}
