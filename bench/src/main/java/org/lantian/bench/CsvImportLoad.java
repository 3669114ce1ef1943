package org.lantian.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for the CSV import path: writes a CSV of N observations (1% malformed, of five kinds)
 * for the demo stations, uploads it to a running Lantian, and reports rows per second and the server's
 * peak heap during the import.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.lantian.bench.CsvImportLoad URL TOKEN [ROWS] [FIRST_YEAR]
 * </pre>
 * TOKEN must belong to a city-office user (it also reads /actuator/metrics). Each run should use a
 * FIRST_YEAR not used before, so every row is new to the database.
 */
public final class CsvImportLoad {

    private static final String[] POLLUTANTS = {"SO2", "NO2", "PM10", "CO", "O3", "PM2_5"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        int firstYear = args.length > 3 ? Integer.parseInt(args[3]) : 2010;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        List<String> stations = stations(http, base, token);
        Path csv = Files.createTempFile("lantian-load", ".csv");
        long malformed = write(csv, rows, stations, firstYear);
        System.out.printf("wrote %,d rows (%,d malformed) for %d stations: %s (%,d bytes)%n",
                rows, malformed, stations.size(), csv, Files.size(csv));

        AtomicLong peakHeap = new AtomicLong(heapUsed(http, base, token));
        long heapBefore = peakHeap.get();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    peakHeap.accumulateAndGet(heapUsed(http, base, token), Math::max);
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception ignored) {
                    // a missed sample is no reason to stop the measurement
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        HttpResponse<String> response = upload(http, base, token, csv);
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.interrupt();
        Files.delete(csv);

        System.out.println("HTTP " + response.statusCode() + ": " + summary(response.body()));
        System.out.printf("%,d rows in %.2f s = %,.0f rows/s; server heap %d MiB before, peak %d MiB during%n",
                rows, seconds, rows / seconds, heapBefore >> 20, peakHeap.get() >> 20);
    }

    private static List<String> stations(HttpClient http, String base, String token) throws Exception {
        String body = http.send(get(base + "/api/stations", token), HttpResponse.BodyHandlers.ofString()).body();
        List<String> codes = new ArrayList<>();
        Matcher m = Pattern.compile("\"code\":\"([^\"]+)\",\"name\":\"[^\"]*\",\"city\":\"邯郸\"").matcher(body);
        while (m.find()) {
            codes.add(m.group(1));
        }
        if (codes.isEmpty()) {
            throw new IllegalStateException("no Handan stations visible at " + base);
        }
        return codes;
    }

    /** Hourly rows station by station; every 100th row is broken in one of five ways. */
    private static long write(Path csv, int rows, List<String> stations, int firstYear) throws IOException {
        Random random = new Random(42);
        long malformed = 0;
        LocalDateTime start = LocalDateTime.of(firstYear, 1, 1, 1, 0);
        int perStation = (rows + stations.size() * POLLUTANTS.length - 1) / (stations.size() * POLLUTANTS.length);
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("station,pollutant,averaging,period_end,value,flag\n");
            int written = 0;
            outer:
            for (String station : stations) {
                for (int h = 0; h < perStation; h++) {
                    String time = TIME.format(start.plusHours(h));
                    for (String pollutant : POLLUTANTS) {
                        if (written == rows) {
                            break outer;
                        }
                        written++;
                        String value = pollutant.equals("CO") ? String.format("%.1f", 0.3 + random.nextDouble())
                                : Integer.toString(5 + random.nextInt(150));
                        if (written % 100 == 0) {
                            malformed++;
                            switch ((written / 100) % 5) {
                                case 0 -> out.write(station + "," + pollutant + ",1h," + time + ",n/a,N\n");
                                case 1 -> out.write(station + "," + pollutant + ",1h,not-a-time," + value + ",N\n");
                                case 2 -> out.write("XX" + station + "," + pollutant + ",1h," + time + "," + value + ",N\n");
                                case 3 -> out.write(station + ",PM1," + "1h," + time + "," + value + ",N\n");
                                default -> out.write(station + "," + pollutant + "," + time + "\n");
                            }
                            continue;
                        }
                        out.write(station + "," + pollutant + ",1h," + time + "," + value + ",N\n");
                    }
                }
            }
        }
        return malformed;
    }

    private static HttpResponse<String> upload(HttpClient http, String base, String token, Path csv) throws Exception {
        String boundary = "lantian-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"load.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/imports/csv"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(csv), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long heapUsed(HttpClient http, String base, String token) throws Exception {
        String body = http.send(get(base + "/actuator/metrics/jvm.memory.used?tag=area:heap", token),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"value\":([0-9.E+]+)").matcher(body);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
    }

    private static String summary(String body) {
        int errors = body.indexOf(",\"errors\"");
        return errors > 0 ? body.substring(0, errors) + "}" : body;
    }
}
