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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sub-meter value → ticket in the county's inbox during a warning: issues an orange warning over COUNTY, then
 * for each of N plants of that county whose orange measure stops every line posts one reading of its first
 * production line drawing power, and records the time from sending the reading to the "pushed" event on the
 * county user's stream. Lifts the warning at the end. Prints p50, p90, p99 and max.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.lantian.bench.ComplianceLatencyLoad URL CITY_TOKEN COUNTY_TOKEN COUNTY [N]
 * </pre>
 */
public final class ComplianceLatencyLoad {

    private static final Pattern PUSHED = Pattern.compile("\"ticketId\":(\\d+).*\"action\":\"pushed\"");
    private static final Pattern CODE = Pattern.compile("\"creditCode\":\"([0-9A-Z]{18})\"[^}]*\"kind\":\"STOP\"");
    private static final Pattern METER = Pattern.compile("\"kind\":\"PRODUCTION\",[^}]*\"meterPoint\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern TICKETS = Pattern.compile("\"tickets\":\\[(\\d+)");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String cityToken = args[1];
        String countyToken = args[2];
        String county = args[3];
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        List<String> meters = new ArrayList<>();
        Matcher plants = CODE.matcher(get(http, base, cityToken, "/api/emergency/measures?level=ORANGE&limit=500&county=" + county));
        while (plants.find() && meters.size() < runs) {
            Matcher meter = METER.matcher(get(http, base, cityToken, "/api/enterprises/" + plants.group(1) + "/lines"));
            if (meter.find()) {
                meters.add(meter.group(1));
            }
        }
        InboxStream inbox = new InboxStream(http, base, countyToken, PUSHED, 1);
        Instant now = Instant.now();
        String warning = post(http, base, cityToken, "/api/emergency/warnings", "{\"level\":\"ORANGE\",\"counties\":[\"" + county + "\"],"
                + "\"startsAt\":\"" + now.minus(Duration.ofHours(1)) + "\",\"endsAt\":\"" + now.plus(Duration.ofHours(6)) + "\",\"reason\":\"压测\"}");
        Matcher id = ID.matcher(warning);
        if (!id.find()) {
            throw new IllegalStateException("warning not issued: " + warning);
        }
        List<Long> micros = new ArrayList<>();
        try {
            Instant at = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            for (String meter : meters) {
                long sent = System.nanoTime();
                String report = post(http, base, cityToken, "/api/emergency/submeter-readings",
                        "{\"readings\":[{\"meterPoint\":\"" + meter + "\",\"at\":\"" + at + "\",\"kw\":300}]}");
                Matcher ticket = TICKETS.matcher(report);
                if (!ticket.find()) {
                    continue;   // a ticket of this line was already open (an earlier run): merged, no new push
                }
                micros.add((inbox.awaitArrival(ticket.group(1), sent) - sent) / 1000);
            }
        } finally {
            post(http, base, cityToken, "/api/emergency/warnings/" + id.group(1) + "/lifting", "{\"reason\":\"压测结束\"}");
        }
        Collections.sort(micros);
        System.out.printf("%d tickets from %d plants: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (reading sent to the county's SSE event)%n",
                micros.size(), meters.size(), InboxStream.percentile(micros, 50), InboxStream.percentile(micros, 90),
                InboxStream.percentile(micros, 99), micros.get(micros.size() - 1) / 1000.0);
        System.exit(0);
    }

    private static String get(HttpClient http, String base, String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String post(HttpClient http, String base, String token, String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
