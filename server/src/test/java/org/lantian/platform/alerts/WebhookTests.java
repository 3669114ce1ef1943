package org.lantian.platform.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A unit's webhook gets every change of its tickets, signed, again after a failure, and nothing of other units. */
class WebhookTests extends ApiTest {

    @Autowired
    Webhooks webhooks;
    @Autowired
    MutableClock clock;

    record Received(String delivery, String signature, String body) {
    }

    @Test
    void deliveriesAreSignedRetriedWithBackOffAndLogged() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Lantian-Delivery"),
                    exchange.getRequestHeaders().getFirst("X-Lantian-Signature"), body));
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String secret = "handan-sms-gateway-secret";
            JsonNode hook = Api.json(as("city").post("/api/alerts/webhooks", """
                    {"unit":"130425","url":"http://127.0.0.1:%d/hook","secret":"%s","reason":"大名县短信平台"}"""
                    .formatted(receiver.getAddress().getPort(), secret)));
            long hookId = hook.get("id").asLong();
            assertThat(as("hanshan").post("/api/alerts/webhooks", "{}").getStatusCode().value()).isEqualTo(403);

            long ticket = Api.json(as("city").post("/api/alerts/tickets", """
                    {"source":"MANUAL","title":"大名县冒黑烟","countyCode":"130425","disposalMinutes":60}""")).get("id").asLong();
            as("city").post("/api/alerts/tickets", """
                    {"source":"MANUAL","title":"别的县","countyCode":"130424","disposalMinutes":60}""");

            webhooks.deliver();
            assertThat(received).hasSize(1);
            JsonNode log = Api.json(as("city").get("/api/alerts/webhooks/" + hookId + "/deliveries"));
            assertThat(log).hasSize(1);
            assertThat(log.get(0).get("state").asString()).isEqualTo("PENDING");
            assertThat(log.get(0).get("lastStatus").asInt()).isEqualTo(503);

            webhooks.deliver();   // not due again for a minute
            assertThat(received).hasSize(1);
            clock.advance(Duration.ofMinutes(1));
            try {
                webhooks.deliver();
            } finally {
                clock.advance(Duration.ofMinutes(-1));
            }
            assertThat(received).hasSize(2);
            Received delivered = received.get(1);
            assertThat(delivered.delivery()).isEqualTo(received.get(0).delivery());
            assertThat(delivered.signature()).isEqualTo("sha256=" + Webhooks.sign(secret, delivered.body()));
            JsonNode body = Api.json(org.springframework.http.ResponseEntity.ok(delivered.body()));
            assertThat(body.get("ticketId").asLong()).isEqualTo(ticket);
            assertThat(body.get("action").asString()).isEqualTo("pushed");
            JsonNode after = Api.json(as("city").get("/api/alerts/webhooks/" + hookId + "/deliveries")).get(0);
            assertThat(after.get("state").asString()).isEqualTo("DELIVERED");
            assertThat(after.get("attempts").asInt()).isEqualTo(2);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void backOffDoublesUpToAnHour() {
        assertThat(List.of(1, 2, 3, 4, 7, 8).stream().map(Webhooks::backoff).map(Duration::toMinutes).toList())
                .containsExactly(1L, 2L, 4L, 8L, 60L, 60L);
    }
}
