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
import java.util.regex.Pattern;

/**
 * Observation committed → ticket in the county's inbox: a county user's browser stream (Server-Sent Events)
 * is open; for each of N stations of that county in turn, one heavy PM2.5 hour of the current hour is
 * posted, and the time from the POST's answer (the batch is committed) to the "pushed" event on the stream
 * is recorded. Prints p50, p90, p99 and max. Run other load (ReadLoad, DeviceSimulator) beside it.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.lantian.bench.AlertLatencyLoad URL CITY_TOKEN COUNTY_TOKEN COUNTY [N] [GAP_MS]
 * </pre>
 * The stations (ALB-COUNTY-0001 …) are registered on first use; each run needs stations without an open
 * ticket for the hour, so repeated runs within one hour pass a larger N and the script skips used ones.
 */
public final class AlertLatencyLoad {

    private static final Pattern TICKET = Pattern.compile("\"ticketId\":(\\d+).*\"action\":\"pushed\".*\"title\":\"[^\"]*(ALB-\\d{6}-\\d{4})");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String cityToken = args[1];
        String countyToken = args[2];
        String county = args[3];
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        long gapMillis = args.length > 5 ? Long.parseLong(args[5]) : 100;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        List<String> stations = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            String code = String.format("ALB-%s-%04d", county, i);
            register(http, base, cityToken, code, county);
            stations.add(code);
        }

        InboxStream inbox = new InboxStream(http, base, countyToken, TICKET, 2);

        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        List<Long> micros = new ArrayList<>();
        int skipped = 0;
        for (String station : stations) {
            String body = "{\"source\":\"alert-latency\",\"observations\":[{\"station\":\"" + station + "\",\"pollutant\":\"PM2_5\","
                    + "\"periodEnd\":\"" + hour + "\",\"value\":\"300\"}]}";
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/api/observations"))
                    .header("Authorization", "Bearer " + cityToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            long committed = System.nanoTime();
            if (posted.statusCode() != 200) {
                throw new IllegalStateException("POST answered " + posted.statusCode() + ": " + posted.body());
            }
            if (!posted.body().contains("\"inserted\":1")) {
                skipped++; // this station already has the hour: used in an earlier run
                continue;
            }
            micros.add((inbox.awaitArrival(station, committed) - committed) / 1000);
            Thread.sleep(gapMillis);
        }
        if (micros.isEmpty()) {
            throw new IllegalStateException("every station already had this hour; pass a larger N");
        }
        Collections.sort(micros);
        System.out.printf("%d tickets (%d stations skipped): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms "
                        + "(observation committed to the county's SSE event)%n",
                micros.size(), skipped, InboxStream.percentile(micros, 50), InboxStream.percentile(micros, 90), InboxStream.percentile(micros, 99),
                micros.get(micros.size() - 1) / 1000.0);
        System.exit(0);
    }

    private static void register(HttpClient http, String base, String token, String code, String county) throws Exception {
        String body = "{\"code\":\"" + code + "\",\"name\":\"压测站 " + code + "\",\"city\":\"邯郸\",\"pollutants\":[\"PM2_5\"],"
                + "\"stationClass\":\"MICRO\",\"countyCode\":\"" + county + "\",\"lon\":114.49,\"lat\":36.58,\"inCityAssessment\":false,"
                + "\"validFrom\":\"2020-01-01\",\"reason\":\"告警时延压测\"}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/stations"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201 && !r.body().contains("already exists")) {
            throw new IllegalStateException("registering " + code + ": " + r.statusCode() + " " + r.body());
        }
    }
}
