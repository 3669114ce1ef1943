package org.lantian.platform.neighbours;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "neighbours", description = "Joint prevention: the neighbouring cities' stations, the border comparison, signed warning exchange")
class NeighboursController {

    private final Neighbours neighbours;
    private final NeighbourAir air;
    private final BorderComparison comparison;
    private final Exchange exchange;

    NeighboursController(Neighbours neighbours, NeighbourAir air, BorderComparison comparison, Exchange exchange) {
        this.neighbours = neighbours;
        this.air = air;
        this.comparison = comparison;
        this.exchange = exchange;
    }

    @GetMapping("/api/neighbours/now")
    @Operation(summary = "The neighbouring cities' national stations with their real-time AQI (HJ 633), and where each city lies")
    List<NeighbourAir.CityNow> now() {
        return air.now();
    }

    @GetMapping("/api/neighbours/comparison")
    @Operation(summary = "Per neighbour: the lagged cross-correlation of its hourly PM2.5 with the nearest Handan county's, the hours it leads, and whether high values may arrive")
    List<BorderComparison.Comparison> comparison() {
        return comparison.compare();
    }

    @GetMapping("/api/neighbours")
    @Operation(summary = "The registered neighbours: public keys and endpoints (city office)")
    List<Neighbours.Registered> list() {
        return neighbours.registry();
    }

    record KeyRequest(String publicKey, String reason) {
    }

    @PutMapping("/api/neighbours/{city}/key")
    @Operation(summary = "Register a neighbour's Ed25519 public key (base64 X.509) to check its documents with (city office)")
    Neighbours.Neighbour key(@PathVariable String city, @RequestBody KeyRequest request) {
        return neighbours.setPublicKey(city, request.publicKey(), request.reason());
    }

    record EndpointRequest(String url, String reason) {
    }

    @PutMapping("/api/neighbours/{city}/endpoint")
    @Operation(summary = "Where Handan's signed documents go for a neighbour (city office); delivered through the webhook outbox")
    Neighbours.Neighbour endpoint(@PathVariable String city, @RequestBody EndpointRequest request) {
        return neighbours.setEndpoint(city, request.url(), request.reason());
    }

    @GetMapping("/api/neighbours/documents")
    @Operation(summary = "Documents sent to and received from neighbours, newest first, with their exact payload and signature")
    List<Exchange.Document> documents(@RequestParam(defaultValue = "100") int limit) {
        return exchange.recent(Math.max(1, limit));
    }

    @GetMapping("/api/public/neighbours/key")
    @Operation(summary = "Handan's public key: what a neighbour registers to check Handan's documents")
    Map<String, String> publicKey() {
        return Map.of("issuer", exchange.issuer(), "algorithm", "Ed25519", "publicKey", exchange.publicKey(),
                "format", "base64 X.509 SubjectPublicKeyInfo; the signature covers the payload string's UTF-8 bytes");
    }

    @PostMapping("/api/public/neighbours/documents")
    @Operation(summary = "A neighbour sends a signed document {issuer, payload, signature}; taken only if it verifies with the issuer's registered key")
    Map<String, String> receive(@RequestBody Exchange.Envelope envelope) {
        Exchange.Document d = exchange.receive(envelope);
        return Map.of("id", d.id().toString(), "summary", d.summary());
    }

}
