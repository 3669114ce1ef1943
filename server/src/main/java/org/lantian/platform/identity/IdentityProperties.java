package org.lantian.platform.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailedLogins consecutive wrong passwords that lock an account
 * @param lockout         how long a locked account stays locked
 * @param adminPassword   password of the {@code admin} account created on a first start without demo
 *                        data; when blank, a random one is generated and printed once
 */
@ConfigurationProperties("lantian.security")
record IdentityProperties(
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockout,
        @DefaultValue("") String adminPassword) {
}
