package org.lantian.platform.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SplittableRandom;

import org.lantian.standards.BeijingTime;

/**
 * Simulated hourly air quality for a set of stations: a regional PM2.5 level that drifts from day to day
 * with winter episodes, diurnal and weekly cycles per pollutant, pollutants that move together (PM10 and
 * CO with PM2.5, O3 against NO2), per-station offsets and noise, and a few missing hours.
 *
 * <p>Deterministic for a given seed, station and hour, so demo screens and tests look the same each time and
 * the demo can run on as a live feed.
 */
final class AirSimulator {

    /** One simulated hourly value. */
    record Value(String station, String pollutant, Instant periodEnd, BigDecimal value) {
    }

    interface Consumer {
        void accept(Value value);
    }

    private final long seed;

    AirSimulator(long seed) {
        this.seed = seed;
    }

    /** Hourly values for every station, for hours ending after {@code from} up to {@code to}. */
    void simulate(List<String> stations, Instant from, Instant to, Consumer out) {
        simulate(stations, stations.stream().mapToDouble(this::stationFactor).toArray(), from, to, out);
    }

    /** A station's pollution level against Handan's regional one, the same for a station whatever the run. */
    double stationFactor(String station) {
        return 0.8 + 0.4 * rng(station.hashCode(), 0).nextDouble();
    }

    /**
     * The same with a pollution level per station (1 = Handan's regional level). Every value is a function
     * of the seed, the station and the hour alone, so any window gives the same values for the same hour:
     * the demo can be continued hour by hour (a live feed) and a repeated hour is unchanged, not a revision.
     */
    void simulate(List<String> stations, double[] stationFactor, Instant from, Instant to, Consumer out) {
        int hours = (int) java.time.Duration.between(from, to).toHours();
        for (int h = 1; h <= hours; h++) {
            Instant t = from.plusSeconds(3600L * h);
            ZonedDateTime end = t.atZone(BeijingTime.ZONE);
            long hourIndex = t.getEpochSecond() / 3600;
            double regional = regionalPm25(end);
            int hourOfDay = end.getHour();
            boolean weekday = end.getDayOfWeek() != DayOfWeek.SATURDAY && end.getDayOfWeek() != DayOfWeek.SUNDAY;
            double season = seasonalOzone(end);
            for (int s = 0; s < stations.size(); s++) {
                String station = stations.get(s);
                SplittableRandom random = rng(station.hashCode(), hourIndex);
                if (random.nextDouble() < 0.01) {
                    continue; // a missing hour, as real stations have
                }
                double f = stationFactor[s];
                double pm25 = regional * f * diurnal(hourOfDay, 22, 0.25) * noise(random, 0.12);
                double no2 = 32 * f * rushHours(hourOfDay) * (weekday ? 1.1 : 0.9) * (0.7 + pm25 / 150) * noise(random, 0.15);
                double o3 = Math.max(2, season * diurnal(hourOfDay, 15, 0.7) * (1.3 - Math.min(no2, 80) / 100) * noise(random, 0.15));
                double pm10 = pm25 * (1.5 + 0.3 * random.nextDouble()) + 10 * random.nextDouble();
                double co = 0.35 + pm25 * 0.011 * noise(random, 0.1);
                double so2 = 9 * f * diurnal(hourOfDay, 10, 0.3) * noise(random, 0.2);
                out.accept(new Value(station, "PM2_5", t, whole(pm25)));
                out.accept(new Value(station, "PM10", t, whole(pm10)));
                out.accept(new Value(station, "NO2", t, whole(no2)));
                out.accept(new Value(station, "O3", t, whole(o3)));
                out.accept(new Value(station, "SO2", t, whole(so2)));
                out.accept(new Value(station, "CO", t, BigDecimal.valueOf(co).setScale(1, RoundingMode.HALF_EVEN)));
            }
        }
    }

    /** A random stream for one (key, index), the same every time: values depend on nothing but these and the seed. */
    private SplittableRandom rng(long key, long index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ key * 0xBF58476D1CE4E5B9L ^ index * 0x94D049BB133111EBL);
    }

    /**
     * Handan's regional PM2.5: a day-to-day drift (a decaying sum of the last days' shocks, as an AR(1) would
     * give), higher in the heating season, and now and then an episode of 2–4 days.
     */
    private double regionalPm25(ZonedDateTime t) {
        long day = t.toLocalDate().toEpochDay();
        double base = heatingSeason(t) ? 65 : 38;
        double drift = 0;
        for (int k = 0; k < 8; k++) {
            drift += Math.pow(0.7, k) * 12 * rng(-1, day - k).nextGaussian();
        }
        double bump = 0;
        long hourOfEpisodeWindow = t.toEpochSecond() / 3600;
        for (int k = 0; k <= 4; k++) {
            SplittableRandom start = rng(-2, day - k);
            if (start.nextDouble() < (heatingSeason(t) ? 0.12 : 0.04)) {
                int length = 48 + start.nextInt(49);
                double peak = 60 + start.nextInt(140);
                long startHour = java.time.LocalDate.ofEpochDay(day - k).atStartOfDay(BeijingTime.ZONE).toEpochSecond() / 3600;
                long into = hourOfEpisodeWindow - startHour;
                if (into >= 0 && into < length) {
                    bump = Math.max(bump, peak * Math.sin(Math.PI * into / length));
                }
            }
        }
        return Math.max(5, base + drift + bump);
    }

    private static boolean heatingSeason(ZonedDateTime t) {
        int month = t.getMonthValue();
        return month >= 11 || month <= 3;
    }

    private static double seasonalOzone(ZonedDateTime t) {
        return 45 + 55 * Math.max(0, Math.sin(Math.PI * (t.getDayOfYear() - 60) / 240.0));
    }

    private static double diurnal(int hour, int peakHour, double amplitude) {
        return 1 + amplitude * Math.cos(2 * Math.PI * (hour - peakHour) / 24.0);
    }

    private static double rushHours(int hour) {
        return 0.75 + 0.35 * Math.exp(-Math.pow(hour - 8, 2) / 4) + 0.45 * Math.exp(-Math.pow(hour - 19, 2) / 6);
    }

    private static double noise(SplittableRandom random, double spread) {
        return Math.max(0.3, 1 + spread * random.nextGaussian());
    }

    private static BigDecimal whole(double value) {
        return BigDecimal.valueOf(Math.max(1, Math.round(value)));
    }
}
