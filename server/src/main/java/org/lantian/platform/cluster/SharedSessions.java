package org.lantian.platform.cluster;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * With {@code lantian.sessions=jdbc} (LANTIAN_SESSIONS), a browser's session lives in PostgreSQL instead of
 * the node's memory, so any node behind a load balancer serves a signed-in page (Spring Session JDBC). Off
 * by default: one node keeps its sessions in memory, which costs no query per page. Sessions last 8 hours
 * idle, as the single node's ({@code server.servlet.session.timeout}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lantian.sessions", havingValue = "jdbc")
@EnableJdbcHttpSession(maxInactiveIntervalInSeconds = 8 * 3600)
class SharedSessions {

    /** The session cookie as the single node's: HttpOnly, SameSite=Lax, Secure behind HTTPS (LANTIAN_COOKIE_SECURE). */
    @Bean
    org.springframework.session.web.http.CookieSerializer sessionCookie(
            @org.springframework.beans.factory.annotation.Value("${server.servlet.session.cookie.secure:false}") boolean secure) {
        org.springframework.session.web.http.DefaultCookieSerializer cookie = new org.springframework.session.web.http.DefaultCookieSerializer();
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setUseSecureCookie(secure);
        return cookie;
    }

    /** Attribute writes as PostgreSQL upserts, as the library recommends for it. */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> postgresUpserts() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
