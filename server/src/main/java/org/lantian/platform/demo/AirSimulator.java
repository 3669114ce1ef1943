package org.lantian.platform.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;

import org.lantian.standards.BeijingTime;

/**
 * Simulated hourly air quality for a set of stations: a regional PM2.5 level that drifts from day to day
 * with winter episodes, diurnal and weekly cycles per pollutant, pollutants that move together (PM10 and
 * CO with PM2.5, O3 against NO2), per-station offsets and noise, and a few missing hours.
 *
 * <p>Deterministic for a given seed, so demo screens and tests look the same each time.
 */
final class AirSimulator {

    /** One simulated hourly value. */
    record Value(String station, String pollutant, Instant periodEnd, BigDecimal value) {
    }

    interface Consumer {
        void accept(Value value);
    }

    private final Random random;

    AirSimulator(long seed) {
        this.random = new Random(seed);
    }

    /** Hourly values for every station, for hours ending after {@code from} up to {@code to}. */
    void simulate(List<String> stations, Instant from, Instant to, Consumer out) {
        double[] stationFactor = new double[stations.size()];
        for (int s = 0; s < stations.size(); s++) {
            stationFactor[s] = 0.8 + 0.4 * random.nextDouble();
        }
        simulate(stations, stationFactor, from, to, out);
    }

    /** The same with a pollution level per station (1 = Handan's regional level). */
    void simulate(List<String> stations, double[] stationFactor, Instant from, Instant to, Consumer out) {
        int hours = (int) java.time.Duration.between(from, to).toHours();
        double[] regional = regionalPm25(hours, from);
        for (int h = 1; h <= hours; h++) {
            ZonedDateTime end = from.plusSeconds(3600L * h).atZone(BeijingTime.ZONE);
            int hourOfDay = end.getHour();
            boolean weekday = end.getDayOfWeek() != DayOfWeek.SATURDAY && end.getDayOfWeek() != DayOfWeek.SUNDAY;
            double season = seasonalOzone(end);
            for (int s = 0; s < stations.size(); s++) {
                if (random.nextDouble() < 0.01) {
                    continue; // a missing hour, as real stations have
                }
                double f = stationFactor[s];
                double pm25 = regional[h - 1] * f * diurnal(hourOfDay, 22, 0.25) * noise(0.12);
                double no2 = 32 * f * rushHours(hourOfDay) * (weekday ? 1.1 : 0.9) * (0.7 + pm25 / 150) * noise(0.15);
                double o3 = Math.max(2, season * diurnal(hourOfDay, 15, 0.7) * (1.3 - Math.min(no2, 80) / 100) * noise(0.15));
                double pm10 = pm25 * (1.5 + 0.3 * random.nextDouble()) + 10 * random.nextDouble();
                double co = 0.35 + pm25 * 0.011 * noise(0.1);
                double so2 = 9 * f * diurnal(hourOfDay, 10, 0.3) * noise(0.2);
                String station = stations.get(s);
                Instant t = end.toInstant();
                out.accept(new Value(station, "PM2_5", t, whole(pm25)));
                out.accept(new Value(station, "PM10", t, whole(pm10)));
                out.accept(new Value(station, "NO2", t, whole(no2)));
                out.accept(new Value(station, "O3", t, whole(o3)));
                out.accept(new Value(station, "SO2", t, whole(so2)));
                out.accept(new Value(station, "CO", t, BigDecimal.valueOf(co).setScale(1, RoundingMode.HALF_EVEN)));
            }
        }
    }

    /** Day-to-day drift (AR(1)) with an episode of 2-4 days now and then; higher in the heating season. */
    private double[] regionalPm25(int hours, Instant from) {
        double[] level = new double[hours];
        double daily = 50;
        double episode = 0;
        int episodeHoursLeft = 0;
        for (int h = 0; h < hours; h++) {
            ZonedDateTime t = from.plusSeconds(3600L * (h + 1)).atZone(BeijingTime.ZONE);
            double base = heatingSeason(t) ? 65 : 38;
            if (h % 24 == 0) {
                daily = base + 0.7 * (daily - base) + 12 * random.nextGaussian();
                if (episodeHoursLeft <= 0 && random.nextDouble() < (heatingSeason(t) ? 0.12 : 0.04)) {
                    episodeHoursLeft = 48 + random.nextInt(49);
                    episode = 60 + random.nextInt(140);
                }
            }
            double bump = 0;
            if (episodeHoursLeft > 0) {
                episodeHoursLeft--;
                bump = episode * Math.sin(Math.PI * Math.min(1, episodeHoursLeft / 96.0));
            }
            level[h] = Math.max(5, daily + bump);
        }
        return level;
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

    private double noise(double spread) {
        return Math.max(0.3, 1 + spread * random.nextGaussian());
    }

    private static BigDecimal whole(double value) {
        return BigDecimal.valueOf(Math.max(1, Math.round(value)));
    }
}
