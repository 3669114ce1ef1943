package org.lantian.platform.neighbours;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantian.platform.airquality.AirQualityNow;
import org.lantian.platform.airquality.NationalNetwork;
import org.lantian.platform.geo.Division;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.geo.LonLat;
import org.lantian.standards.BeijingTime;
import org.lantian.standards.Pollutant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Whether high values arrive from a neighbour before they reach Handan: for each neighbour, its hourly PM2.5
 * (the mean of its counted national stations) against that of the Handan county nearest to it, over the last
 * {@code lantian.neighbours.window-days} days, as a lagged cross-correlation (0 to 12 hours; see
 * {@link LaggedCorrelation}). A neighbour leads by k hours when r is highest at lag k > 0 and at least
 * {@value #LEADS_R}. When a leading neighbour is above the 24-hour limit (75 µg/m³) and well above the county
 * now, the page says its values may arrive in about k hours.
 */
@Service
public class BorderComparison {

    static final int MAX_LAG_HOURS = 12;
    static final double LEADS_R = 0.5;
    static final int MIN_PAIRS = 48;
    static final BigDecimal ABOVE_LIMIT = new BigDecimal("75");
    static final BigDecimal ABOVE_COUNTY_BY = new BigDecimal("20");

    /** One lag's r (NaN without enough hours). */
    public record Lag(int hours, double r, int pairs) {
    }

    /**
     * @param county     the Handan county nearest to the neighbour, compared with it
     * @param leadHours  how many hours the neighbour leads, when it does; null otherwise
     * @param arriving   the warning line when the neighbour's values may arrive, null otherwise
     */
    public record Comparison(String city, String name, String direction, String county, String countyName, List<Lag> lags,
                             Integer leadHours, Double bestR, BigDecimal neighbourPm25, BigDecimal countyPm25, Instant hourEnd,
                             String arriving) {
    }

    private final NationalNetwork network;
    private final NeighbourAir air;
    private final AirQualityNow handan;
    private final Divisions divisions;
    private final Clock clock;
    private final int windowDays;

    BorderComparison(NationalNetwork network, NeighbourAir air, AirQualityNow handan, Divisions divisions, Clock clock,
                     @Value("${lantian.neighbours.window-days:7}") int windowDays) {
        this.network = network;
        this.air = air;
        this.handan = handan;
        this.divisions = divisions;
        this.clock = clock;
        this.windowDays = windowDays;
    }

    public List<Comparison> compare() {
        Instant to = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Instant from = to.minus(Duration.ofDays(windowDays));
        int hours = windowDays * 24;
        int hourOfDay0 = from.plus(Duration.ofHours(1)).atZone(BeijingTime.ZONE).getHour();
        List<AirQualityNow.HourAqi> areaHours = handan.areaHoursForRules(from, to);
        List<NeighbourAir.City> cities = air.cities();
        Map<String, List<NationalNetwork.NetworkHour>> byStation = new java.util.HashMap<>();
        network.hours(cities.stream().flatMap(c -> c.stations().stream()).map(NationalNetwork.ListedStation::code).toList(), from, to)
                .forEach(h -> byStation.computeIfAbsent(h.stationCode(), k -> new ArrayList<>()).add(h));
        List<Comparison> out = new ArrayList<>();
        for (NeighbourAir.City city : cities) {
            if (city.centre() == null) {
                continue;
            }
            Optional<Division> county = nearestCounty(city.centre());
            if (county.isEmpty()) {
                continue;
            }
            double[] x = series(hours, from, cityHours(city, byStation));
            double[] y = series(hours, from, areaHours.stream().filter(h -> h.code().equals(county.get().code())).toList());
            LaggedCorrelation.Result r = LaggedCorrelation.of(x, y, hourOfDay0, MAX_LAG_HOURS, MIN_PAIRS);
            out.add(comparison(city, county.get(), r, x, y, to));
        }
        return out;
    }

    private Comparison comparison(NeighbourAir.City city, Division county, LaggedCorrelation.Result r, double[] x, double[] y, Instant to) {
        BigDecimal neighbourNow = last(x);
        BigDecimal countyNow = last(y);
        boolean leads = r.leads(LEADS_R);
        String arriving = null;
        if (leads && neighbourNow != null && neighbourNow.compareTo(ABOVE_LIMIT) > 0
                && (countyNow == null || neighbourNow.subtract(countyNow).compareTo(ABOVE_COUNTY_BY) >= 0)) {
            arriving = city.name() + "（" + city.direction() + "）PM2.5 " + neighbourNow.toPlainString() + " µg/m³，"
                    + (countyNow == null ? "" : "高于" + county.shortName() + " " + countyNow.toPlainString() + " µg/m³；")
                    + "按近 " + windowDays + " 天的规律，约 " + r.best().lagHours() + " 小时后可能传输至" + county.shortName();
        }
        List<Lag> lags = r.lags().stream().map(l -> new Lag(l.lagHours(), l.r(), l.pairs())).toList();
        return new Comparison(city.city(), city.name(), city.direction(), county.code(), county.shortName(), lags,
                leads ? r.best().lagHours() : null, r.best() == null ? null : r.best().r(), neighbourNow, countyNow, to, arriving);
    }

    /** The neighbour's hourly PM2.5: the mean of its counted stations that have the hour. */
    private static List<AirQualityNow.HourAqi> cityHours(NeighbourAir.City city, Map<String, List<NationalNetwork.NetworkHour>> byStation) {
        Map<Instant, List<BigDecimal>> byHour = new java.util.TreeMap<>();
        for (NationalNetwork.NetworkHour h : city.stations().stream().flatMap(s -> byStation.getOrDefault(s.code(), List.of()).stream()).toList()) {
            BigDecimal v = h.values().get(Pollutant.PM2_5);
            if (v != null) {
                byHour.computeIfAbsent(h.hourEnd(), k -> new ArrayList<>()).add(v);
            }
        }
        List<AirQualityNow.HourAqi> out = new ArrayList<>();
        byHour.forEach((hour, values) -> out.add(new AirQualityNow.HourAqi(city.city(), city.name(), hour, null, null, null, List.of(),
                Map.of(Pollutant.PM2_5, values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(values.size()), 0, java.math.RoundingMode.HALF_EVEN)), false)));
        return out;
    }

    /** Hour i of the window ends at from + (i + 1) hours; NaN where there is no PM2.5. */
    private static double[] series(int hours, Instant from, List<AirQualityNow.HourAqi> hourly) {
        double[] out = new double[hours];
        Arrays.fill(out, Double.NaN);
        for (AirQualityNow.HourAqi h : hourly) {
            int i = (int) Duration.between(from, h.hourEnd()).toHours() - 1;
            BigDecimal v = h.concentrations().get(Pollutant.PM2_5);
            if (i >= 0 && i < hours && v != null) {
                out[i] = v.doubleValue();
            }
        }
        return out;
    }

    private static BigDecimal last(double[] series) {
        for (int i = series.length - 1; i >= Math.max(0, series.length - NeighbourAir.FRESH_HOURS); i--) {
            if (!Double.isNaN(series[i])) {
                return BigDecimal.valueOf(Math.round(series[i]));
            }
        }
        return null;
    }

    private Optional<Division> nearestCounty(LonLat centre) {
        return divisions.countyLevelUnits().stream().filter(d -> divisions.interiorPoint(d.code()).isPresent())
                .min(Comparator.comparingDouble(d -> {
                    LonLat p = divisions.interiorPoint(d.code()).orElseThrow();
                    return LonLat.metresBetween(p.lon(), p.lat(), centre.lon(), centre.lat());
                }));
    }
}
