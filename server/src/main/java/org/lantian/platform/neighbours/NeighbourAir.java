package org.lantian.platform.neighbours;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lantian.platform.airquality.AirQualityNow;
import org.lantian.platform.airquality.NationalNetwork;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.geo.LonLat;
import org.lantian.standards.BeijingTime;
import org.lantian.standards.Pollutant;
import org.lantian.standards.RuleSet;
import org.lantian.standards.aqi.AqiOptions;
import org.lantian.standards.aqi.AqiResult;
import org.lantian.standards.assessment.StationAccumulator;
import org.springframework.stereotype.Service;

/**
 * The neighbours' national stations now: each station's latest hour from the network's files (within the last
 * {@value #FRESH_HOURS} hours) with its real-time AQI computed as Handan's are: HJ 633 of the generation in
 * force on the hour's day (STANDARDS §0), the real-time indicators of §1.5 with the 24-hour moving means from
 * the hours before, at station level (§1.10); and where each city lies from Handan.
 */
@Service
public class NeighbourAir {

    static final int FRESH_HOURS = 3;
    private static final String HANDAN = "邯郸";
    private static final String[] COMPASS = {"北", "东北", "东", "东南", "南", "西南", "西", "西北"};

    /** One neighbour station with its latest hour; {@code now} null when it sent nothing lately. */
    public record StationNow(String code, String name, String city, BigDecimal lon, BigDecimal lat, AirQualityNow.HourAqi now) {
    }

    /** A neighbour city: where it lies from Handan, its stations, and its AQI now (from its counted stations' mean). */
    public record CityNow(String city, String name, String direction, double distanceKm, LonLat centre, List<StationNow> stations) {
    }

    private final NationalNetwork network;
    private final Neighbours neighbours;
    private final Divisions divisions;
    private final Clock clock;

    NeighbourAir(NationalNetwork network, Neighbours neighbours, Divisions divisions, Clock clock) {
        this.network = network;
        this.neighbours = neighbours;
        this.divisions = divisions;
        this.clock = clock;
    }

    /** A neighbour city and its counted stations with a position: where it lies from Handan. */
    record City(String city, String name, String direction, double distanceKm, LonLat centre, List<NationalNetwork.ListedStation> stations) {
    }

    /** The neighbours and their counted stations, with where each city lies from Handan (no values read). */
    List<City> cities() {
        List<Neighbours.Neighbour> all = neighbours.list();
        Map<String, List<NationalNetwork.ListedStation>> byCity = new LinkedHashMap<>();
        all.forEach(n -> byCity.put(n.city(), new ArrayList<>()));
        network.stationsOf(byCity.keySet()).stream().filter(s -> s.counted() && s.lon() != null).forEach(s -> byCity.get(s.city()).add(s));
        LonLat handan = handanCentre();
        List<City> out = new ArrayList<>();
        for (Neighbours.Neighbour n : all) {
            List<NationalNetwork.ListedStation> own = byCity.get(n.city());
            if (own.isEmpty()) {
                out.add(new City(n.city(), n.name(), "—", Double.NaN, null, own));
                continue;
            }
            LonLat centre = new LonLat(own.stream().mapToDouble(s -> s.lon().doubleValue()).average().orElseThrow(),
                    own.stream().mapToDouble(s -> s.lat().doubleValue()).average().orElseThrow());
            out.add(new City(n.city(), n.name(), direction(handan, centre),
                    LonLat.metresBetween(handan.lon(), handan.lat(), centre.lon(), centre.lat()) / 1000, centre, own));
        }
        return out;
    }

    public List<CityNow> now() {
        List<City> cities = cities();
        List<String> codes = cities.stream().flatMap(c -> c.stations().stream()).map(NationalNetwork.ListedStation::code).toList();
        Instant to = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Map<String, StationAccumulator> values = new HashMap<>();
        Map<String, Instant> latest = new HashMap<>();
        for (NationalNetwork.NetworkHour h : network.hours(codes, to.minus(Duration.ofHours(24 + FRESH_HOURS)), to)) {
            StationAccumulator acc = values.computeIfAbsent(h.stationCode(), c -> new StationAccumulator());
            h.values().forEach((p, v) -> acc.put(p, h.hourEnd(), v));
            latest.merge(h.stationCode(), h.hourEnd(), (a, b) -> a.isAfter(b) ? a : b);
        }
        return cities.stream().map(c -> new CityNow(c.city(), c.name(), c.direction(), c.distanceKm(), c.centre(), c.stations().stream()
                .map(s -> {
                    Instant hour = latest.get(s.code());
                    AirQualityNow.HourAqi now = hour == null || hour.isBefore(to.minus(Duration.ofHours(FRESH_HOURS))) ? null
                            : hourAqi(s, hour, values.get(s.code()));
                    return new StationNow(s.code(), s.name(), s.city(), s.lon(), s.lat(), now);
                }).toList())).toList();
    }

    /**
     * Where Handan is for bearings: the mean of its counted national stations (the city proper, as the
     * neighbours' positions are theirs), or of its counties' interior points when the list has none.
     */
    LonLat handanCentre() {
        List<LonLat> points = network.stationsOf(List.of(HANDAN)).stream().filter(s -> s.counted() && s.lon() != null)
                .map(s -> new LonLat(s.lon().doubleValue(), s.lat().doubleValue())).toList();
        if (points.isEmpty()) {
            points = divisions.countyLevelUnits().stream().flatMap(d -> divisions.interiorPoint(d.code()).stream()).toList();
        }
        return new LonLat(points.stream().mapToDouble(LonLat::lon).average().orElse(114.49),
                points.stream().mapToDouble(LonLat::lat).average().orElse(36.61));
    }

    /** The compass direction (8 points) of {@code to} as seen from {@code from}. */
    static String direction(LonLat from, LonLat to) {
        double dx = (to.lon() - from.lon()) * Math.cos(Math.toRadians((from.lat() + to.lat()) / 2));
        double dy = to.lat() - from.lat();
        double bearing = (Math.toDegrees(Math.atan2(dx, dy)) + 360) % 360;
        return COMPASS[(int) Math.round(bearing / 45) % 8];
    }

    private static AirQualityNow.HourAqi hourAqi(NationalNetwork.ListedStation s, Instant hour, StationAccumulator values) {
        RuleSet rules = RuleSet.forDate(hour.minusSeconds(1).atZone(BeijingTime.ZONE).toLocalDate());
        AqiResult result = values.realTime(hour, rules, AqiOptions.DEFAULTS);
        Map<Pollutant, BigDecimal> concentrations = new java.util.EnumMap<>(Pollutant.class);
        for (Pollutant p : Pollutant.values()) {
            values.value(p, hour).ifPresent(v -> concentrations.put(p, v));
        }
        return new AirQualityNow.HourAqi(s.code(), s.name(), hour, rules.name(), result.aqi().isPresent() ? result.aqi().getAsInt() : null,
                result.computedAqi().isPresent() ? result.computedAqi().getAsInt() : null, result.primary().stream().map(Pollutant::name).toList(),
                concentrations, false);
    }
}
