package org.lantian.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A county user's live inbox (the alerts event stream, as the browser reads it): records when each event
 * whose data matches a pattern arrived, keyed by the pattern's group {@code keyGroup}.
 */
final class InboxStream {

    private final Map<String, Long> arrived = new ConcurrentHashMap<>();

    InboxStream(HttpClient http, String base, String token, Pattern event, int keyGroup) throws Exception {
        HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(base + "/api/alerts/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    Matcher m = event.matcher(line);
                    if (line.startsWith("data:") && m.find()) {
                        arrived.putIfAbsent(m.group(keyGroup), System.nanoTime());
                    }
                }
            } catch (java.io.IOException closed) {
                // the run is over
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(500);
    }

    /** When the event of {@code key} arrived (System.nanoTime), waiting up to 30 s for it. */
    long awaitArrival(String key, long since) throws InterruptedException {
        while (!arrived.containsKey(key)) {
            if (System.nanoTime() - since > 30_000_000_000L) {
                throw new IllegalStateException("no event for " + key + " within 30 s");
            }
            Thread.sleep(1);
        }
        return arrived.get(key);
    }

    static double percentile(java.util.List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(index, 0)) / 1000.0;
    }
}
