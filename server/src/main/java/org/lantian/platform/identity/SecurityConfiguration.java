package org.lantian.platform.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * People sign in with a form and a session; systems send a bearer token. Which role may do what is
 * decided here per URL family and again in every module's data access (county scope).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * What an enterprise account may reach: its own file (the enterprises module scopes it to the one
     * enterprise), the tickets about it, and the air quality every citizen may see. The rest of the platform
     * (devices, audit, the county's registers) is other people's business, refused here once rather than
     * in every module.
     */
    static final String[] ENTERPRISE_PATHS = {"/", "/logout", "/enterprises", "/enterprises/*", "/alerts", "/alerts/tickets/*",
            "/alerts/tickets/*/reply", "/airquality/map", "/api/enterprises/**", "/api/alerts/tickets", "/api/alerts/tickets/**",
            "/api/airquality/now", "/api/airquality/stations/now", "/api/geo/**", "/api/me", "/swagger-ui.html", "/swagger-ui/**",
            "/v3/api-docs/**", "/emergency", "/api/emergency/warnings/current", "/api/emergency/measures", "/api/emergency/measures/*", "/emergency/measures/*", "/api/emergency/notices", "/api/emergency/notices/*/confirmation", "/emergency/notices/*/confirmation"};

    private static org.springframework.security.authorization.AuthorizationDecision notAnEnterprise(
            java.util.function.Supplier<? extends org.springframework.security.core.Authentication> authentication, Object context) {
        var who = authentication.get();
        boolean signedIn = who != null && who.isAuthenticated()
                && !(who instanceof org.springframework.security.authentication.AnonymousAuthenticationToken);
        return new org.springframework.security.authorization.AuthorizationDecision(signedIn
                && who.getAuthorities().stream().noneMatch(a -> Role.ENTERPRISE.authority().equals(a.getAuthority())));
    }

    @Bean
    @ConditionalOnWebApplication // the import command runs without a web server
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokens tokens, LoginThrottle throttle) throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        // a page request that must sign in first is remembered to return to; an API call is not, and gets no session
        HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
        pagesOnly.setRequestMatcher(request -> !api.matches(request) && "GET".equals(request.getMethod()));
        http
                .addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .requestCache(cache -> cache.requestCache(pagesOnly))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .authorizeHttpRequests(auth -> auth
                        // the continuation of a request already authorised (an event stream ending), not a new one
                        .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/login", "/static/**", "/webjars/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/**", "/error").permitAll()
                        // the public page and its data: what they show is public already
                        .requestMatchers("/public", "/api/public/**").permitAll()
                        // the phone app's manifest (fetched without cookies) and service worker: no data in either
                        .requestMatchers("/m/manifest.webmanifest", "/m/sw.js").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.CITY_OFFICE.name())
                        .requestMatchers(ENTERPRISE_PATHS).authenticated()
                        .anyRequest().access(SecurityConfiguration::notAnEnterprise))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // API clients get a status code, not a redirect to the login page
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor((request, response, e) -> ApiProblems.write(response,
                                HttpStatus.UNAUTHORIZED.value(), "未登录", "请先登录，或以 Authorization: Bearer 发送 API 令牌"), api)
                        .defaultAccessDeniedHandlerFor((request, response, e) -> ApiProblems.write(response,
                                HttpStatus.FORBIDDEN.value(), "无权操作", "本账号无权进行此操作（或缺少 CSRF 令牌）"), api)
                        // a page gets the platform's error page, with its layout and a way back
                        .defaultAccessDeniedHandlerFor((request, response, e) -> response.sendError(HttpStatus.FORBIDDEN.value(),
                                "本账号无权访问此页面或进行此操作"), request -> true))
                // token-authenticated calls carry no cookie, and the public's reports no session, so there is nothing to forge
                .csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::hasBearerToken, request -> request.getRequestURI().startsWith("/api/public/"))
                        .csrfTokenRepository(noSessionForApi(api)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data: blob:; "
                                + "style-src 'self' 'unsafe-inline'; script-src 'self'; form-action 'self'; base-uri 'self'; "
                                + "frame-ancestors 'none'; object-src 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * The CSRF token lives in the session; an API call that has no session (anonymous, refused anyway) must
     * not open one just to store a token it will never use.
     */
    private static CsrfTokenRepository noSessionForApi(RequestMatcher api) {
        HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();
        return new CsrfTokenRepository() {
            @Override
            public CsrfToken generateToken(jakarta.servlet.http.HttpServletRequest request) {
                return sessions.generateToken(request);
            }

            @Override
            public void saveToken(CsrfToken token, jakarta.servlet.http.HttpServletRequest request,
                                  jakarta.servlet.http.HttpServletResponse response) {
                if (request.getSession(false) != null || !api.matches(request)) {
                    sessions.saveToken(token, request, response);
                }
            }

            @Override
            public CsrfToken loadToken(jakarta.servlet.http.HttpServletRequest request) {
                return sessions.loadToken(request);
            }
        };
    }

    @Bean
    UserDetailsService userDetailsService(Users users) {
        return username -> users.principal(username)
                .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
