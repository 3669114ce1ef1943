package org.lantian.platform.identity;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** On a first start without demo data, creates the {@code admin} city-office account. */
@Component
@Order(30)
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final Users users;
    private final Actors actors;
    private final IdentityProperties properties;

    private final String demoPassword;

    BootstrapAdmin(Users users, Actors actors, IdentityProperties properties,
                   @org.springframework.beans.factory.annotation.Value("${lantian.demo.password:lantian2023}") String demoPassword) {
        this.demoPassword = demoPassword;
        this.users = users;
        this.actors = actors;
        this.properties = properties;
    }

    /** Creates {@code admin} if there is no user at all; prints a generated password once. */
    @Override
    public void run(ApplicationArguments args) {
        actors.asSystem(() -> {
            if (!users.isEmpty()) {
                return;
            }
            String password = properties.adminPassword();
            if (!password.isBlank() && password.equals(demoPassword)) {
                throw new IllegalStateException("LANTIAN_ADMIN_PASSWORD is the demo accounts' password, which everyone knows: "
                        + "choose another, or leave it empty for a generated one");
            }
            boolean generated = password.isBlank();
            if (generated) {
                byte[] bytes = new byte[15];
                new SecureRandom().nextBytes(bytes);
                password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            }
            users.create(new Users.NewUser("admin", "系统管理员", Role.CITY_OFFICE, null, "市大气办", password),
                    "first start");
            log.warn("Created the city-office account 'admin'{}", generated
                    ? " with the one-time password " + password + " (set LANTIAN_ADMIN_PASSWORD to choose it)" : "");
        });
    }
}
