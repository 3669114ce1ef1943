package org.lantian.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Generates every listed plant's emergency measures (three levels) on a running Lantian RUNS times, replacing
 * edited ones, and prints for each run the request's time and the server's own count of the work.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.lantian.bench.MeasureGenerationLoad URL TOKEN [RUNS]
 * </pre>
 * TOKEN must belong to a city-office user.
 */
public final class MeasureGenerationLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/emergency/measures/generation"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(2))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"replaceEdited\": true, \"reason\": \"benchmark run " + run + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.printf("run %d: HTTP %d in %,d ms: %s%n", run, response.statusCode(), (System.nanoTime() - start) / 1_000_000,
                    response.body());
        }
    }
}
