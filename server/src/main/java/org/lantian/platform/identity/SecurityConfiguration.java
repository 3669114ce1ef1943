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
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * People sign in with a form and a session; systems send a bearer token. Which role may do what is
 * decided here per URL family and again in every module's data access (county scope).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @ConditionalOnWebApplication // the import command runs without a web server
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokens tokens) throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        http
                .addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        // the continuation of a request already authorised (an event stream ending), not a new one
                        .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/login", "/static/**", "/webjars/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.CITY_OFFICE.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // API clients get a status code, not a redirect to the login page
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api))
                // token-authenticated calls carry no cookie, so there is no cross-site request to forge
                .csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::hasBearerToken))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'")));
        return http.build();
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
