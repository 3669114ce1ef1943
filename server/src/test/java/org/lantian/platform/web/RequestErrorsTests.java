package org.lantian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import tools.jackson.databind.JsonNode;

/** A body that cannot be read says what and where in Chinese; a body over the limit is 413, declared or not. */
class RequestErrorsTests extends ApiTest {

    @Test
    void malformedJsonNamesLineAndColumn() {
        var response = as("city").post("/api/observations", "{\"source\": \"t\",\n  \"observations\": [ {\"station\": } ]}");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        JsonNode problem = Api.json(response);
        assertThat(problem.get("title").asString()).isEqualTo("请求体无法读取");
        assertThat(problem.get("detail").asString()).contains("第 2 行第 33 列");
    }

    @Test
    void aValueOfTheWrongShapeNamesItsField() {
        var response = as("city").post("/api/observations", "{\"source\": \"t\", \"observations\": [{\"station\": [1]}]}");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(Api.json(response).get("detail").asString()).contains("字段 observations[0].station");
    }

    @Test
    void aMissingBodyIsSaidSo() {
        var response = as("city").post("/api/observations", "");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(Api.json(response).get("detail").asString()).contains("缺少请求体");
    }

    @Test
    void aBodyOverTheLimitIs413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        byte[] big = ("{\"source\": \"" + "x".repeat(17 * 1024 * 1024) + "\", \"observations\": []}").getBytes(StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://localhost:" + port + "/api/observations");
        String token = tokens.of("city");
        HttpResponse<String> declared = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("16 MB");
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("请求体超过");
    }
}
