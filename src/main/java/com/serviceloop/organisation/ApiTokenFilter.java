package com.serviceloop.organisation;

import com.serviceloop.platform.ApiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates requests to the API, the API description and the management endpoints (a metrics
 * scraper) that carry "Authorization: Bearer sl_..." as the token's owner.
 */
class ApiTokenFilter extends OncePerRequestFilter {
    private final ApiTokenService tokens;

    ApiTokenFilter(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/v3/api-docs"))
                || !SecurityConfig.BEARER.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = request.getHeader("Authorization").substring("Bearer ".length()).strip();
        var user = tokens.authenticate(secret);
        if (user.isEmpty()) {
            ApiErrors.writeJson(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "The API token is unknown or revoked");
            return;
        }
        var auth = new UsernamePasswordAuthenticationToken(user.get(), null, user.get().getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
