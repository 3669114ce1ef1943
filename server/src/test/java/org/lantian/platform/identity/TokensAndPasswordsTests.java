package org.lantian.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import tools.jackson.databind.JsonNode;

/** Tokens are listed, revoked and never live past the maximum; passwords follow the policy and users change their own. */
class TokensAndPasswordsTests extends ApiTest {

    @Test
    void tokensHaveAMaximumLifeAreListedWithoutTheirSecretAndCanBeRevoked() {
        Api hanshan = as("hanshan");
        assertThat(hanshan.post("/api/tokens", "{\"name\":\"百年令牌\",\"validDays\":1000000}").getStatusCode().value()).isEqualTo(400);
        assertThat(hanshan.post("/api/tokens", "{\"name\":\"太长\",\"validDays\":400}").getStatusCode().value()).isEqualTo(400);
        JsonNode issued = Api.json(hanshan.post("/api/tokens", "{\"name\":\"县区系统\"}"));
        Instant expires = Instant.parse(issued.get("expiresAt").asString());
        assertThat(expires).isBetween(Instant.now().plus(Duration.ofDays(364)), Instant.now().plus(Duration.ofDays(366)));

        Api withIt = new Api(port, issued.get("token").asString());
        assertThat(withIt.get("/api/me").getStatusCode().value()).isEqualTo(200);
        JsonNode listed = Api.json(hanshan.get("/api/tokens"));
        assertThat(listed.toString()).contains("县区系统").doesNotContain(issued.get("token").asString());
        listed.forEach(t -> assertThat(t.get("username").asString()).isEqualTo("hanshan"));

        long id = issued.get("id").asLong();
        assertThat(as("congtai").delete("/api/tokens/" + id).getStatusCode().value()).as("another county's token").isEqualTo(404);
        assertThat(hanshan.delete("/api/tokens/" + id).getStatusCode().value()).isEqualTo(204);
        assertThat(withIt.get("/api/me").getStatusCode().value()).isEqualTo(401);
        assertThat(hanshan.delete("/api/tokens/" + id).getStatusCode().value()).as("already revoked").isEqualTo(404);

        JsonNode another = Api.json(as("congtai").post("/api/tokens", "{\"name\":\"丛台系统\"}"));
        assertThat(Api.json(as("city").get("/api/tokens?all=true")).toString()).contains("丛台系统");
        assertThat(Api.json(as("congtai").get("/api/tokens?all=true")).toString()).doesNotContain("县区系统");
        assertThat(as("city").delete("/api/tokens/" + another.get("id").asLong() + "?reason=离职").getStatusCode().value()).isEqualTo(204);
        assertThat(new Api(port, another.get("token").asString()).get("/api/me").getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void passwordsFollowThePolicyAndUsersChangeTheirOwn() {
        Api city = as("city");
        String user = "{\"username\":\"pw-user\",\"displayName\":\"密码\",\"role\":\"VIEWER\",\"password\":\"%s\",\"reason\":\"t\"}";
        assertThat(Api.json(city.post("/api/users", user.formatted("short1"))).get("detail").asString()).contains("至少 10 个字符");
        assertThat(Api.json(city.post("/api/users", user.formatted("1qaz2wsx3edc"))).get("detail").asString()).contains("常见密码");
        assertThat(Api.json(city.post("/api/users", user.formatted("my-pw-user-2026"))).get("detail").asString()).contains("用户名");
        assertThat(city.post("/api/users", user.formatted("Lan-Tian-2026!")).getStatusCode().value()).isEqualTo(201);

        String token = tokens.of("pw-user");
        Api self = new Api(port, token);
        assertThat(Api.json(self.post("/api/me/password", "{\"currentPassword\":\"wrong\",\"newPassword\":\"Another-Pass-77\"}"))
                .get("detail").asString()).contains("当前密码不正确");
        assertThat(self.post("/api/me/password", "{\"currentPassword\":\"Lan-Tian-2026!\",\"newPassword\":\"qwertyuiop\"}")
                .getStatusCode().value()).isEqualTo(400);
        assertThat(self.post("/api/me/password", "{\"currentPassword\":\"Lan-Tian-2026!\",\"newPassword\":\"Another-Pass-77\"}")
                .getStatusCode().value()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT count(*) FROM identity_audit_entry WHERE action = 'identity.password.changed' AND target_id = 'pw-user'")
                .query(Long.class).single()).isEqualTo(1);
    }
}
