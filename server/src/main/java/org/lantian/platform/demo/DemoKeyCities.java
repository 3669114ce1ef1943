package org.lantian.platform.demo;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.lantian.platform.airquality.KeyCities;
import org.lantian.platform.airquality.NationalNetwork;
import org.lantian.standards.BeijingTime;

/**
 * Simulated national-network files for the 168 key cities (one station each, every station of the
 * neighbouring cities so that their map is full), so the key-city ranking has
 * something to show: northern cities more polluted than southern ones, Handan near the bottom-10 line.
 * They pass through the same import as real files.
 */
final class DemoKeyCities {

    private static final List<String> TYPES = List.of("PM2.5", "PM10", "SO2", "NO2", "CO", "O3");
    private static final Map<String, String> COLUMN = Map.of("PM2_5", "PM2.5", "PM10", "PM10", "SO2", "SO2", "NO2", "NO2",
            "CO", "CO", "O3", "O3");

    private DemoKeyCities() {
    }

    /** Imports simulated daily files for {@code from}–{@code to}; returns how many station-hours were stored. */
    static int load(NationalNetwork network, Map<String, List<String>> stationsOfCity, Instant from, Instant to) {
        Random random = new Random(168);
        List<String> stations = new ArrayList<>();
        List<Double> factors = new ArrayList<>();
        for (KeyCities.City city : KeyCities.KEY_CITIES_168.cities()) {
            double factor = city.name().equals(KeyCities.HANDAN) ? 1.22 : level(city, random);
            for (String station : stationsOfCity.getOrDefault(city.name(), List.of())) {
                stations.add(station);
                factors.add(factor);
            }
        }
        Map<LocalDate, Map<Integer, Map<String, Map<String, BigDecimal>>>> files = new TreeMap<>();
        new AirSimulator(20230501L).simulate(stations, factors.stream().mapToDouble(Double::doubleValue).toArray(), from, to, v -> {
            ZonedDateTime end = v.periodEnd().atZone(BeijingTime.ZONE);
            files.computeIfAbsent(end.toLocalDate(), d -> new TreeMap<>()).computeIfAbsent(end.getHour(), h -> new TreeMap<>())
                    .computeIfAbsent(COLUMN.get(v.pollutant()), t -> new TreeMap<>()).put(v.station(), v.value());
        });
        int stored = 0;
        for (var file : files.entrySet()) {
            String name = "demo_china_sites_" + file.getKey().format(DateTimeFormatter.BASIC_ISO_DATE) + ".csv";
            try {
                stored += network.importHourlyFile(new StringReader(csv(file.getKey(), file.getValue(), stations)), name).inserted();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stored;
    }

    /** Regions as MEE groups them: the North China Plain and Fenwei most polluted, the south least. */
    private static double level(KeyCities.City city, Random random) {
        String region = city.region2023();
        double base = region.startsWith("京津冀") ? 0.95 : region.startsWith("汾渭") ? 0.9 : region.startsWith("长三角") ? 0.65 : 0.55;
        return base + 0.3 * random.nextDouble();
    }

    private static String csv(LocalDate date, Map<Integer, Map<String, Map<String, BigDecimal>>> hours, List<String> stations) {
        StringBuilder csv = new StringBuilder("date,hour,type,").append(String.join(",", stations)).append('\n');
        String day = date.format(DateTimeFormatter.BASIC_ISO_DATE);
        hours.forEach((hour, types) -> TYPES.forEach(type -> {
            Map<String, BigDecimal> values = types.getOrDefault(type, Map.of());
            csv.append(day).append(',').append(hour).append(',').append(type);
            stations.forEach(s -> csv.append(',').append(values.containsKey(s) ? values.get(s).toPlainString() : ""));
            csv.append('\n');
        }));
        return csv.toString();
    }
}
