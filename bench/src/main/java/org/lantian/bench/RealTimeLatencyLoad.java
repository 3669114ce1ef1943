package org.lantian.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Event-to-visible latency of the real-time AQI: posts one hour of the six pollutants for a station
 * (an hour not seen before) and polls the station's hourly AQI until that hour appears. Repeats N times
 * one after another and prints p50, p90, p99 and max.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.lantian.bench.RealTimeLatencyLoad URL TOKEN STATION [N]
 * </pre>
 * The hours used go back from 2000-01-01 so they never meet real or demo data; each run continues
 * further back (pass a different START_DAYS_BACK as the fifth argument for repeated runs).
 */
public final class RealTimeLatencyLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String station = args[2];
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int startBack = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Instant origin = Instant.parse("1999-12-31T16:00:00Z"); // 2000-01-01 00:00 Beijing
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Instant hour = origin.minus(startBack + i, ChronoUnit.HOURS);
            String body = "{\"source\":\"latency\",\"observations\":[" + item(station, "SO2", hour, "9") + ","
                    + item(station, "NO2", hour, "35") + "," + item(station, "PM10", hour, "90") + ","
                    + item(station, "CO", hour, "0.9") + "," + item(station, "O3", hour, "60") + ","
                    + item(station, "PM2_5", hour, "70") + "]}";
            long start = System.nanoTime();
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/api/observations"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (posted.statusCode() != 200) {
                throw new IllegalStateException("POST answered " + posted.statusCode() + ": " + posted.body());
            }
            String poll = base + "/api/airquality/stations/" + station + "/hours?from=" + hour.minusSeconds(1) + "&to=" + hour;
            while (true) {
                String hours = http.send(HttpRequest.newBuilder(URI.create(poll)).header("Authorization", "Bearer " + token).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (hours.contains("\"aqi\":")) {
                    break;
                }
                if (System.nanoTime() - start > 30_000_000_000L) {
                    throw new IllegalStateException("hour " + hour + " not visible after 30 s");
                }
                Thread.sleep(2);
            }
            micros.add((System.nanoTime() - start) / 1000);
        }
        Collections.sort(micros);
        System.out.printf("%d hours: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (observation POST to AQI visible)%n",
                runs, at(micros, 50), at(micros, 90), at(micros, 99), micros.get(micros.size() - 1) / 1000.0);
    }

    private static double at(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(index, 0)) / 1000.0;
    }

    private static String item(String station, String pollutant, Instant hour, String value) {
        return "{\"station\":\"" + station + "\",\"pollutant\":\"" + pollutant + "\",\"periodEnd\":\"" + hour + "\",\"value\":\"" + value + "\"}";
    }
}
