package org.lantian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.lantian.platform.ApiTest;

/** API calls without a session never create one; pages carry the security headers and a SameSite cookie. */
class SessionsAndHeadersTests extends ApiTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Test
    void anonymousAndTokenApiCallsCreateNoSession() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> get = send(HttpRequest.newBuilder(uri("/api/airquality/now")));
            assertThat(get.statusCode()).isEqualTo(401);
            assertThat(get.headers().allValues("Set-Cookie")).as(get.statusCode() + " " + get.body())
                    .noneMatch(c -> c.startsWith("JSESSIONID"));
            HttpResponse<String> post = send(HttpRequest.newBuilder(uri("/api/observations"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(post.statusCode()).isIn(401, 403);
            assertThat(post.headers().allValues("Set-Cookie")).as(post.statusCode() + " " + post.body() + "\n"
                            + org.lantian.platform.PlatformTest.LAST_SESSION_CREATED.get().lines()
                            .filter(l -> l.contains("org.springframework.security") || l.contains("lantian") || l.contains("catalina.connector"))
                            .limit(25).collect(java.util.stream.Collectors.joining("\n")))
                    .noneMatch(c -> c.startsWith("JSESSIONID"));
        }
        HttpResponse<String> token = send(HttpRequest.newBuilder(uri("/api/airquality/now"))
                .header("Authorization", "Bearer " + tokens.of("city")));
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    }

    @Test
    void scriptsAndStylesCarryTheirContentHashAndAreKeptAYear() throws Exception {
        String login = send(HttpRequest.newBuilder(uri("/login"))).body();
        java.util.regex.Matcher css = java.util.regex.Pattern.compile("/static/css/lantian-([0-9a-f]{32})\\.css").matcher(login);
        assertThat(css.find()).as(login).isTrue();
        HttpResponse<String> style = send(HttpRequest.newBuilder(uri(css.group())));
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000").doesNotContain("no-store");
        // the content decides the address: the same file under another hash is not served
        assertThat(send(HttpRequest.newBuilder(uri("/static/css/lantian-00000000000000000000000000000000.css"))).statusCode()).isEqualTo(404);
        HttpResponse<String> chart = send(HttpRequest.newBuilder(uri("/webjars/echarts/dist/echarts.min.js")));
        assertThat(chart.statusCode()).isEqualTo(200);
    }

    @Test
    void pagesCarryTheSecurityHeadersAndTheSessionCookieIsSameSite() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login")));
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("default-src 'self'", "form-action 'self'", "base-uri 'self'", "frame-ancestors 'none'", "object-src 'none'");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(page.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID"))
                .allMatch(c -> c.contains("SameSite=Lax") && c.contains("HttpOnly"));
        // a page that needs a sign-in is remembered (a session) and answered with the way to sign in
        HttpResponse<String> protectedPage = send(HttpRequest.newBuilder(uri("/alerts")).header("Accept", "text/html"));
        assertThat(protectedPage.statusCode()).isEqualTo(302);
        assertThat(protectedPage.headers().firstValue("Location").orElse("")).endsWith("/login");
    }
}
