package org.lantian.platform.identity;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Feeds form sign-in outcomes to the throttle, by source address and account. */
@Component
class LoginLockout {

    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final IdentityProperties properties;

    LoginLockout(LoginThrottle throttle, AuditLog audit, IdentityProperties properties) {
        this.throttle = throttle;
        this.audit = audit;
        this.properties = properties;
    }

    @EventListener
    void onBadPassword(AuthenticationFailureBadCredentialsEvent event) {
        String address = address(event.getAuthentication().getDetails());
        String username = event.getAuthentication().getName();
        throttle.failed(address, username);
        if (throttle.blocked(address, username)) {
            audit.recordAs(Actor.SYSTEM, "identity.login.throttled", "user", username == null ? "" : username.strip(), null,
                    properties.maxFailedLogins() + " failed sign-ins from " + address, java.util.Map.of("address", address));
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof LantianPrincipal principal) {
            throttle.succeeded(address(event.getAuthentication().getDetails()), principal.getUsername());
        }
    }

    private static String address(Object details) {
        return details instanceof org.springframework.security.web.authentication.WebAuthenticationDetails web
                ? web.getRemoteAddress() : "";
    }
}
