package org.lantian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every write endpoint of the OpenAPI description, fed the classes of bad input that once answered 500:
 * NUL characters in text, numbers past any range, null elements, dates far out of range, a NUL in a path
 * and in a file name, malformed CSV. None may answer 500; a new endpoint is covered without a new test.
 */
class BadInputReplayTests extends ApiTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One class of bad input: what to put where a string, a number, an array element or a date goes. */
    private record Poison(String name, Function<JsonNode, JsonNode> string, JsonNode number, boolean nullElements) {
    }

    private static final List<Poison> POISONS = List.of(
            new Poison("nul", s -> NODES.stringNode("a\u0000b"), NODES.numberNode(1), false),
            new Poison("overflow", s -> NODES.stringNode("x"), NODES.numberNode(new java.math.BigDecimal("1e309")), false),
            new Poison("int-overflow", s -> NODES.stringNode("x"), NODES.numberNode(new java.math.BigInteger("2147483648")), false),
            new Poison("null-elements", s -> NODES.stringNode("x"), NODES.numberNode(1), true),
            new Poison("far-dates", s -> NODES.stringNode(s != null && "date".equals(s.path("format").asString())
                    ? "+999999999-12-31" : s != null && "date-time".equals(s.path("format").asString())
                    ? "+999999999-12-31T00:00:00Z" : s != null && "duration".equals(s.path("format").asString()) ? "PT99999999999999H" : "1e15"),
                    NODES.numberNode(new java.math.BigDecimal("1e15")), false));

    @Test
    void noBadInputOnAnyWriteEndpointAnswers500() {
        JsonNode docs = Api.json(as("city").get("/v3/api-docs"));
        JsonNode schemas = docs.path("components").path("schemas");
        String token = tokens.of("city");
        RestClient client = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + token)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, JsonNode> path : docs.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                HttpMethod method = HttpMethod.valueOf(op.getKey().toUpperCase());
                if (method == HttpMethod.GET || method == HttpMethod.DELETE) {
                    continue;
                }
                String uri = path.getKey().replaceAll("\\{[^}]+}", "130402");
                JsonNode content = op.getValue().path("requestBody").path("content");
                if (content.has("application/json")) {
                    JsonNode schema = content.path("application/json").path("schema");
                    for (Poison poison : POISONS) {
                        JsonNode body = sample(schema, schemas, poison, 0);
                        int status = client.method(method).uri(uri + query(op.getValue(), poison))
                                .contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body))
                                .exchange((request, response) -> response.getStatusCode().value());
                        calls++;
                        if (status >= 500) {
                            failures.add(method + " " + uri + " [" + poison.name() + "] → " + status + " " + body);
                        }
                    }
                }
                if (content.has("multipart/form-data")) {
                    for (byte[] file : List.of("a,\"b\nc".getBytes(), "station,pollutant\n\"1049A,PM2_5\n".getBytes(), new byte[] {0, 1, 2})) {
                        var parts = new org.springframework.util.LinkedMultiValueMap<String, Object>();
                        parts.add("file", new org.springframework.core.io.ByteArrayResource(file) {
                            @Override
                            public String getFilename() {
                                return "bad\u0000name.csv";
                            }
                        });
                        int status = client.method(method).uri(uri + "?reason=x&validFrom=2020-01-01&month=2020-01&format=csv")
                                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                                .exchange((request, response) -> response.getStatusCode().value());
                        calls++;
                        if (status >= 500) {
                            failures.add(method + " " + uri + " [multipart] → " + status);
                        }
                    }
                }
                // a NUL in the path
                int status = client.method(method).uri(path.getKey().replaceAll("\\{[^}]+}", "a%00b"))
                        .contentType(MediaType.APPLICATION_JSON).body("{}")
                        .exchange((request, response) -> response.getStatusCode().value());
                calls++;
                if (status >= 500) {
                    failures.add(method + " " + path.getKey() + " [nul-path] → " + status);
                }
            }
        }
        assertThat(calls).isGreaterThan(100);
        assertThat(failures).isEmpty();
    }

    /** Query parameters the operation declares, each given the poison's string. */
    private static String query(JsonNode operation, Poison poison) {
        StringBuilder q = new StringBuilder();
        for (JsonNode p : operation.path("parameters")) {
            if ("query".equals(p.path("in").asString())) {
                JsonNode value = poison.string().apply(p.path("schema"));
                q.append(q.isEmpty() ? "?" : "&").append(p.path("name").asString()).append('=')
                        .append(java.net.URLEncoder.encode(value.asString(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return q.toString();
    }

    private static JsonNode sample(JsonNode schema, JsonNode schemas, Poison poison, int depth) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
            return depth > 4 ? NODES.nullNode() : sample(schemas.path(name), schemas, poison, depth + 1);
        }
        String type = schema.path("type").asString();
        switch (type) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").properties().iterator();
                while (fields.hasNext()) {
                    var f = fields.next();
                    object.set(f.getKey(), sample(f.getValue(), schemas, poison, depth + 1));
                }
                if (schema.has("additionalProperties") && schema.path("properties").isEmpty()) {
                    object.set("k", poison.nullElements() ? NODES.nullNode() : sample(schema.path("additionalProperties"), schemas, poison, depth + 1));
                }
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                array.add(poison.nullElements() ? NODES.nullNode() : sample(schema.path("items"), schemas, poison, depth + 1));
                return array;
            }
            case "integer":
            case "number":
                return poison.number();
            case "boolean":
                return NODES.booleanNode(true);
            case "string":
                if (schema.has("enum") && !"nul".equals(poison.name())) {
                    return NODES.stringNode(schema.get("enum").get(0).asString());
                }
                return poison.string().apply(schema);
            default:
                if (schema.has("properties")) {
                    return sample(((ObjectNode) schema.deepCopy()).put("type", "object"), schemas, poison, depth);
                }
                return poison.string().apply(schema);
        }
    }
}
