package org.lantian.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the half-monthly bulletin of a half-month (20 counties) on a running Lantian, RUNS times in each
 * form (the document as JSON, PDF, Word, Excel), one after another, and prints each request's time and size
 * and the median and worst per form. Each request computes the bulletin afresh from the data.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.lantian.bench.BulletinLoad URL TOKEN DAY [RUNS]
 * </pre>
 * DAY is any day of the half-month (2026-11-20); TOKEN a city-office user's.
 */
public final class BulletinLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String day = args[2];
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String format : new String[] {"json", "pdf", "docx", "xlsx"}) {
            List<Long> millis = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                long start = System.nanoTime();
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/plan/bulletins/preview?day=" + day + "&format=" + format))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(1)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                long ms = (System.nanoTime() - start) / 1_000_000;
                millis.add(ms);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(format + ": HTTP " + response.statusCode() + " " + new String(response.body()));
                }
                System.out.printf("%s run %d: %,d ms, %,d bytes%n", format, run, ms, response.body().length);
            }
            List<Long> sorted = millis.stream().sorted().toList();
            System.out.printf("%s: median %,d ms, worst %,d ms over %d runs%n", format, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), runs);
        }
    }
}
