package org.lantian.platform.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts: creation, look-up within the actor's scope, and the login counters behind lock-out. */
@Service
public class Users {

    private static final String COLUMNS =
            "id, username, display_name, role, county_code, organisation, enabled, locked_until, enterprise_code";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Actors actors;
    private final AuditLog audit;
    private final IdentityProperties properties;
    private final Clock clock;
    private final LoginThrottle throttle;

    Users(JdbcClient jdbc, PasswordEncoder passwords, Actors actors, AuditLog audit,
          IdentityProperties properties, Clock clock, LoginThrottle throttle) {
        this.throttle = throttle;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.actors = actors;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new account, as the city office (or the platform at start-up) asks for it. */
    public record NewUser(String username, String displayName, Role role, String countyCode,
                          String organisation, String password, String enterpriseCode) {

        public NewUser(String username, String displayName, Role role, String countyCode, String organisation, String password) {
            this(username, displayName, role, countyCode, organisation, password, null);
        }
    }

    @Transactional
    public User create(NewUser user, String reason) {
        Actor actor = actors.current();
        if (!actor.isCityOffice()) {
            throw new AccessDenied(actor.username() + " 无权创建账号");
        }
        if ((user.role() == Role.COUNTY || user.role() == Role.ENTERPRISE) && user.countyCode() == null) {
            throw new IllegalArgumentException("countyCode：" + user.role().label() + "账号需要指定所属县（市、区）");
        }
        if ((user.role() == Role.ENTERPRISE) != (user.enterpriseCode() != null)) {
            throw new IllegalArgumentException("enterpriseCode：企业账号需要（且只有企业账号可以）指定所属企业的统一社会信用代码");
        }
        PasswordPolicy.check(user.username(), user.password());
        long id = jdbc.sql("""
                        INSERT INTO identity_user (username, display_name, role, county_code, organisation, password_hash, enterprise_code)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(user.username(), user.displayName(), user.role().name(), user.countyCode(),
                        user.organisation(), passwords.encode(user.password()), user.enterpriseCode())
                .query(Long.class).single();
        audit.record("identity.user.created", "user", user.username(), user.countyCode(), reason,
                Map.of("role", user.role().name()));
        return require(id);
    }

    /**
     * The name a person is shown by (a unit's or a person's display name), whoever asks: timelines and logs
     * name who acted, also across counties. Empty for an unknown login.
     */
    public java.util.Optional<String> displayName(String username) {
        return jdbc.sql("SELECT display_name FROM identity_user WHERE username = ?").param(username).query(String.class).optional();
    }

    /** A user changes their own password, proving the current one. */
    @Transactional
    public void changeOwnPassword(String current, String replacement) {
        Actor actor = actors.current();
        String hash = jdbc.sql("SELECT password_hash FROM identity_user WHERE username = ?").param(actor.username())
                .query(String.class).optional().orElseThrow(() -> new AccessDenied("账号不存在"));
        if (current == null || !passwords.matches(current, hash)) {
            throw new IllegalArgumentException("currentPassword: 当前密码不正确");
        }
        PasswordPolicy.check(actor.username(), replacement);
        if (passwords.matches(replacement, hash)) {
            throw new IllegalArgumentException("newPassword: 新密码不能与当前密码相同");
        }
        jdbc.sql("UPDATE identity_user SET password_hash = ? WHERE username = ?")
                .params(passwords.encode(replacement), actor.username()).update();
        audit.record("identity.password.changed", "user", actor.username(), actor.countyCode(), null, Map.of());
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM identity_user)").query(Boolean.class).single();
    }

    /** Users the actor may see: all for citywide roles, the own county's for county users. */
    public List<User> visible() {
        Scope scope = actors.current().scope();
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_user WHERE ? OR county_code = ANY(?) ORDER BY username")
                .params(scope.citywide(), scope.countyArray())
                .query(Users::map).list();
    }

    public Optional<User> findVisible(String username) {
        return visible().stream().filter(u -> u.username().equals(username)).findFirst();
    }

    @Transactional
    public void unlock(String username, String reason) {
        Actor actor = actors.current();
        if (!actor.isCityOffice()) {
            throw new AccessDenied(actor.username() + " 无权解锁账号");
        }
        if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity_user WHERE username = ?)").param(username).query(Boolean.class).single()) {
            throw new IllegalArgumentException("username：没有账号 " + username);
        }
        throttle.clear(username);
        audit.record("identity.user.unlocked", "user", username, null, reason, Map.of());
    }

    User require(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_user WHERE id = ?").param(id).query(Users::map).single();
    }

    Optional<LantianPrincipal> principal(String username) {
        return jdbc.sql("SELECT " + COLUMNS + ", password_hash FROM identity_user WHERE username = ?")
                .param(username)
                .query((rs, n) -> {
                    User u = map(rs, n);
                    return new LantianPrincipal(actorOf(u), rs.getString("password_hash"), u.enabled(), false);
                })
                .optional();
    }

    Optional<LantianPrincipal> principalById(long id) {
        User u = require(id);
        return Optional.of(new LantianPrincipal(actorOf(u), null, u.enabled(), false));
    }


    private static Actor actorOf(User u) {
        return new Actor(u.username(), u.displayName(), u.role(), u.countyCode(), u.organisation(), u.enterpriseCode());
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getString("county_code"), rs.getString("organisation"),
                rs.getBoolean("enabled"), locked == null ? null : locked.toInstant(), rs.getString("enterprise_code"));
    }
}
