package org.lantian.platform.airquality;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lantian.platform.identity.Actor;
import org.lantian.platform.identity.Actors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves repeated reads of the air-quality figures from the bytes of the first answer, for as long as no
 * data have changed (one {@link ResultsGeneration}). A profile under load showed serialising the same
 * figures again for every client as the largest cost. The answer depends on who asks, so the key holds the
 * actor's role and county scope next to the path and query; it runs after authentication.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class CachedReads extends OncePerRequestFilter {

    private static final List<String> PATHS = List.of("/api/airquality/now", "/api/airquality/stations/now",
            "/api/airquality/rankings/", "/api/airquality/areas/", "/api/airquality/targets/");

    private record Answer(String contentType, byte[] body) {
    }

    private final ResultsGeneration generation;
    private final Actors actors;

    CachedReads(ResultsGeneration generation, Actors actors) {
        this.generation = generation;
        this.actors = actors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"GET".equals(request.getMethod()) || PATHS.stream().noneMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Actor actor;
        try {
            actor = actors.current();
        } catch (org.lantian.platform.identity.AccessDenied notSignedIn) {
            chain.doFilter(request, response);
            return;
        }
        List<Object> key = List.of("http", actor.role(), actor.scope(), request.getRequestURI(),
                request.getQueryString() == null ? "" : request.getQueryString());
        java.util.Optional<Answer> cached = generation.find(key);
        if (cached.isPresent()) {
            response.setContentType(cached.get().contentType());
            response.setContentLength(cached.get().body().length);
            response.getOutputStream().write(cached.get().body());
            return;
        }
        long computedIn = generation.current();
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        if (wrapper.getStatus() == HttpServletResponse.SC_OK && wrapper.getContentType() != null) {
            generation.put(key, computedIn, new Answer(wrapper.getContentType(), wrapper.getContentAsByteArray()));
        }
        wrapper.copyBodyToResponse();
    }
}
