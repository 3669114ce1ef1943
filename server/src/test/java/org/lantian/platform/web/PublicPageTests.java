package org.lantian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lantian.platform.PlatformTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public page answers without signing in, from memory, and says only what is public. */
@PlatformTest
class PublicPageTests {

    @LocalServerPort
    int port;

    @Test
    void anyoneSeesTheAirNowWithTheAdviceOfItsLevelAndNothingElse() {
        RestClient anonymous = RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(s -> true, (rq, rs) -> { }).build();
        var page = anonymous.get().uri("/public").retrieve().toEntity(String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getCacheControl()).contains("max-age=60").contains("public");
        assertThat(page.getBody()).contains("邯郸空气质量", "各县（市、区）", "建议措施：", "武安市");
        assertThat(page.getBody()).as("its style by its content-hashed address, cached for a year").containsPattern("/static/css/public-[0-9a-f]{32}\\.css");
        var data = anonymous.get().uri("/api/public/now").retrieve().toEntity(String.class);
        assertThat(data.getStatusCode().value()).isEqualTo(200);
        JsonNode json = JsonMapper.builder().build().readTree(data.getBody());
        assertThat(json.get("counties").size()).isEqualTo(20);
        assertThat(json.get("advice").get("advice").asString()).isNotBlank();
        assertThat(json.get("builtAt").asString()).as("served from memory: the same snapshot twice")
                .isEqualTo(JsonMapper.builder().build().readTree(anonymous.get().uri("/api/public/now").retrieve().body(String.class)).get("builtAt").asString());
        assertThat(data.getBody()).doesNotContain("password", "username", "token");
        assertThat(anonymous.get().uri("/api/alerts/tickets").retrieve().toEntity(String.class).getStatusCode().value())
                .as("the rest stays closed").isEqualTo(401);
    }
}
