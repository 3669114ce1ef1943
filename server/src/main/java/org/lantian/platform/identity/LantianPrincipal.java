package org.lantian.platform.identity;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in user as Spring Security holds it. */
final class LantianPrincipal implements UserDetails, CredentialsContainer {

    private final Actor actor;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;

    LantianPrincipal(Actor actor, String passwordHash, boolean enabled, boolean locked) {
        this.actor = actor;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
    }

    Actor actor() {
        return actor;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(actor.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
