package com.serviceloop.organisation;

import com.serviceloop.platform.ApiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until the first administrator exists, every page leads to the first-run form. Once set up, a
 * ServiceLoop stays set up (the last administrator cannot be removed), so the answer is remembered.
 */
@Component
class SetupGate extends OncePerRequestFilter {
    private final PersonService people;
    private volatile boolean done;

    public SetupGate(PersonService people) {
        this.people = people;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/setup") || path.startsWith("/api/v1/setup") || path.startsWith("/webjars/")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/actuator/")
                || path.equals("/error") || path.equals("/lang");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!done) {
            done = people.setupDone();
        }
        if (done) {
            chain.doFilter(request, response);
        } else if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ApiErrors.writeJson(response, 503, "Not set up", "Create the first administrator: POST /api/v1/setup");
        } else {
            response.sendRedirect(request.getContextPath() + "/setup");
        }
    }
}
