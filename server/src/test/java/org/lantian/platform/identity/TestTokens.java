package org.lantian.platform.identity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Real bearer tokens for the demo accounts, issued through the same service an API client uses. */
@Component
public class TestTokens {

    private final ApiTokens tokens;
    private final Users users;
    private final Map<String, String> issued = new ConcurrentHashMap<>();

    TestTokens(ApiTokens tokens, Users users) {
        this.tokens = tokens;
        this.users = users;
    }

    public String of(String username) {
        return issued.computeIfAbsent(username, this::issue);
    }

    /** Runs {@code work} as the given user, as if signed in. */
    public <T> T as(String username, java.util.function.Supplier<T> work) {
        LantianPrincipal principal = users.principal(username).orElseThrow();
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private String issue(String username) {
        return as(username, () -> tokens.issue("test", null).token());
    }
}
