package org.lantian.platform.identity;

import java.time.Instant;

/** A user account as other modules and the API see it (never with its password hash). */
public record User(long id, String username, String displayName, Role role, String countyCode,
                   String organisation, boolean enabled, Instant lockedUntil, String enterpriseCode) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
