package org.lantian.platform.identity;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Feeds login outcomes to the failure counters that lock an account. */
@Component
class LoginLockout {

    private final Users users;

    LoginLockout(Users users) {
        this.users = users;
    }

    @EventListener
    void onBadPassword(AuthenticationFailureBadCredentialsEvent event) {
        users.recordFailedLogin(event.getAuthentication().getName());
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof LantianPrincipal principal) {
            users.recordSuccessfulLogin(principal.getUsername());
        }
    }
}
