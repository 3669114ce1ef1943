package org.lantian.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
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

    private void login(String username, String password, boolean succeeds) throws Exception {
        mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(succeeds ? authenticated() : unauthenticated());
    }

    @Test
    void fiveWrongPasswordsLockTheAccountUntilTheLockoutEnds() throws Exception {
        String user = newUser("lock-a");
        for (int i = 0; i < 4; i++) {
            login(user, "wrong", false);
        }
        login(user, "lantian2023", true);        // a success resets the count
        for (int i = 0; i < 5; i++) {
            login(user, "wrong", false);
        }
        login(user, "lantian2023", false);       // locked: even the right password is refused
        assertThat(jdbc.sql("SELECT count(*) FROM identity_audit_entry WHERE action = 'identity.user.locked' AND target_id = ?")
                .param(user).query(Long.class).single()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(14));
        login(user, "lantian2023", false);
        clock.advance(Duration.ofMinutes(2));
        login(user, "lantian2023", true);
    }

    @Test
    void aLockedAccountsTokensStopWorkingToo() throws Exception {
        String user = newUser("lock-b");
        String token = tokens.of(user);
        for (int i = 0; i < 5; i++) {
            login(user, "wrong", false);
        }
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/me")
                        .header("Authorization", "Bearer " + token))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isUnauthorized());
        clock.advance(Duration.ofMinutes(16));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/me")
                        .header("Authorization", "Bearer " + token))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
    }
}
