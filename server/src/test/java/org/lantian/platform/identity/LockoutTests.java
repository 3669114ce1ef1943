package org.lantian.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lantian.platform.MutableClock;
import org.lantian.platform.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@PlatformTest
class LockoutTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestTokens tokens;

    @Autowired
    Users users;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A fresh account per test, so a lock never leaks into other tests. */
    private String newUser(String username) {
        tokens.as("city", () -> users.create(new Users.NewUser(username, username, Role.VIEWER, null, null,
                "lantian2023"), "lockout test"));
        return username;
    }

    /**
     * The sign-in form's post, from {@code address}, with the CSRF token of a real page: Spring Security's
     * test csrf() helper would replace the application's token repository for every later test.
     */
    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signIn(String address, String username,
                                                                                              String password) throws Exception {
        var session = new org.springframework.mock.web.MockHttpSession();
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/login").session(session))
                .andReturn().getResponse().getContentAsString();
        var token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("the sign-in page carries a CSRF token").isTrue();
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login").session(session)
                .param("username", username).param("password", password).param("_csrf", token.group(1))
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }

    private void login(String address, String username, String password, boolean succeeds) throws Exception {
        mvc.perform(signIn(address, username, password)).andExpect(succeeds ? authenticated() : unauthenticated());
    }

    private String failureMessage(String address, String username, String password) throws Exception {
        var session = (org.springframework.mock.web.MockHttpSession) mvc.perform(signIn(address, username, password))
                .andReturn().getRequest().getSession();
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/login?error").session(session))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void fiveWrongPasswordsStopThatAddressForThatAccountOnlyUntilTheTimeEnds() throws Exception {
        String user = newUser("lock-a");
        for (int i = 0; i < 4; i++) {
            login("192.0.2.1", user, "wrong", false);
        }
        login("192.0.2.1", user, "lantian2023", true);        // a success resets the count
        for (int i = 0; i < 5; i++) {
            login("192.0.2.1", user, "wrong", false);
        }
        login("192.0.2.1", user, "lantian2023", false);       // this address is stopped, even with the right password
        login("198.51.100.7", user, "lantian2023", true);     // the owner at another address is not locked out
        assertThat(jdbc.sql("SELECT count(*) FROM identity_audit_entry WHERE action = 'identity.login.throttled' AND target_id = ?")
                .param(user).query(Long.class).single()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(14));
        login("192.0.2.1", user, "lantian2023", false);
        clock.advance(Duration.ofMinutes(2));
        login("192.0.2.1", user, "lantian2023", true);
    }

    @Test
    void nobodyCanLockOutTheCityOfficeAndItsTokensKeepWorking() throws Exception {
        String token = tokens.of("city");
        for (int i = 0; i < 20; i++) {
            login("203.0.113.9", "city", "wrong", false);
        }
        login("127.0.0.1", "city", "lantian2023", true);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/me")
                        .header("Authorization", "Bearer " + token))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
    }

    @Test
    void anAddressSprayingManyAccountsIsStoppedForAll() throws Exception {
        for (int i = 0; i < 50; i++) {
            login("203.0.113.77", "spray-" + i, "guess", false);
        }
        String user = newUser("lock-c");
        login("203.0.113.77", user, "lantian2023", false);
        login("203.0.113.78", user, "lantian2023", true);
    }

    @Test
    void anUnknownNameAWrongPasswordAndAStoppedAddressGetTheSameAnswer() throws Exception {
        String user = newUser("lock-d");
        String unknown = failureMessage("192.0.2.50", "no-such-user", "x");
        String wrong = failureMessage("192.0.2.50", user, "x");
        for (int i = 0; i < 5; i++) {
            login("192.0.2.51", user, "wrong", false);
        }
        String stopped = failureMessage("192.0.2.51", user, "lantian2023");
        String message = loginError(unknown);
        assertThat(message).isNotBlank();
        assertThat(loginError(wrong)).isEqualTo(message);
        assertThat(loginError(stopped)).isEqualTo(message);
    }

    private static String loginError(String page) {
        var m = java.util.regex.Pattern.compile("id=\"login-error\"[^>]*>([^<]*)<").matcher(page);
        return m.find() ? m.group(1) : "";
    }
}
