package org.lantian.platform.identity;

import java.util.function.Supplier;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The actor behind the current thread. Repositories ask this, not their callers, for the scope to
 * apply, so a controller cannot forget it.
 */
@Component
public class Actors {

    private static final ThreadLocal<Actor> SYSTEM_WORK = new ThreadLocal<>();

    /** The current actor; {@link Actor#SYSTEM} inside {@link #asSystem}. */
    public Actor current() {
        Actor system = SYSTEM_WORK.get();
        if (system != null) {
            return system;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken
                || !(auth.getPrincipal() instanceof LantianPrincipal principal)) {
            throw new AccessDenied("尚未登录");
        }
        return principal.actor();
    }

    /** Runs platform work (start-up seeding, scheduled jobs, commands) as {@link Actor#SYSTEM}. */
    public <T> T asSystem(Supplier<T> work) {
        Actor previous = SYSTEM_WORK.get();
        SYSTEM_WORK.set(Actor.SYSTEM);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                SYSTEM_WORK.remove();
            } else {
                SYSTEM_WORK.set(previous);
            }
        }
    }

    public void asSystem(Runnable work) {
        asSystem(() -> {
            work.run();
            return null;
        });
    }
}
