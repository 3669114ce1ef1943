package org.lantian.platform.identity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password must be: at least {@link #MIN_LENGTH} characters, not the user's own name, and not one of
 * the passwords every guesser tries first (a bundled list, identity/common-passwords.txt).
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** @throws IllegalArgumentException naming what is wrong, in Chinese */
    static void check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("password: 密码至少 " + MIN_LENGTH + " 个字符");
        }
        if (password.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("password: 密码不能超过 " + MAX_LENGTH + " 个字符");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("password: 密码不能包含用户名");
        }
        if (COMMON.contains(lower)) {
            throw new IllegalArgumentException("password: 这是常见密码，容易被猜中，请换一个");
        }
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("identity/common-passwords.txt is missing from the build", e);
        }
    }
}
