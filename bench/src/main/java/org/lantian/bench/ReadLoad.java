package org.lantian.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Read load on the overview and ranking APIs: CLIENTS concurrent clients, each requesting the given paths
 * in turn, for SECONDS seconds; prints requests, errors and latency percentiles per path. By default a
 * client sends its next request as soon as the last is answered (a saturation test: latency then measures
 * the queue). {@code -Dthink=MS} makes each client pause a random 0–2×MS between requests, as people at
 * their screens do, so that latency measures the service.
 *
 * <pre>
 * java [-Dthink=MS] -cp bench/target/benchmarks.jar org.lantian.bench.ReadLoad URL TOKEN CLIENTS SECONDS PATH [PATH...]
 * </pre>
 * TOKEN "-" requests without one (the public page).
 */
public final class ReadLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int clients = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        List<String> paths = List.of(args).subList(4, args.length);
        long think = Long.getLong("think", 0);
        ExecutorService io = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(io).build();
        ConcurrentHashMap<String, List<Long>> latencies = new ConcurrentHashMap<>();
        paths.forEach(p -> latencies.put(p, Collections.synchronizedList(new ArrayList<>())));
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int offset = c;
            pool.execute(() -> {
                try {
                    if (think > 0) { // people do not all press the key in the same millisecond
                        Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(2 * think));
                    }
                    for (int i = offset; System.nanoTime() < end; i++) {
                        String path = paths.get(i % paths.size());
                        long start = System.nanoTime();
                        HttpResponse<Void> response = http.send(request(base + path, token), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                        latencies.get(path).add((System.nanoTime() - start) / 1000);
                        if (think > 0) {
                            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(2 * think));
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
        io.shutdown();
        System.out.printf("%d clients for %d s, think time %d ms, %d errors%n", clients, seconds, think, errors.get());
        latencies.forEach((path, list) -> {
            List<Long> sorted = new ArrayList<>(list);
            Collections.sort(sorted);
            System.out.printf("%-60s %7d requests  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms%n", path, sorted.size(),
                    at(sorted, 50), at(sorted, 95), at(sorted, 99));
        });
    }

    private static double at(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(index, 0)) / 1000.0;
    }

    /** A GET with the bearer token, or none for "-". */
    private static HttpRequest request(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        return (token.equals("-") ? b : b.header("Authorization", "Bearer " + token)).build();
    }
}
