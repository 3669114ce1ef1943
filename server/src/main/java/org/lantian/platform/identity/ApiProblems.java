package org.lantian.platform.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Refusals made before a controller is reached (security, request limits), written as problem+json here
 * rather than through the servlet error page: the error page is a page (a layout, a sign-out form with a
 * CSRF token), and would open a session for every anonymous call. Titles and details are the platform's
 * own fixed Chinese texts, never client input.
 */
public final class ApiProblems {

    private ApiProblems() {
    }

    public static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
