package com.serviceloop.organisation;

import com.serviceloop.platform.RateLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands before the sign-in form's authentication: a username or address that has to wait is sent
 * back to the sign-in page with the wait, and its password is not even checked.
 */
class SignInThrottleFilter extends OncePerRequestFilter {
    private final SignInThrottle throttle;

    SignInThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && (request.getContextPath() + "/login").equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<RateLimits.Verdict> refused = throttle.refusal(request.getParameter("username"), request.getRemoteAddr());
        if (refused.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = refused.get().retryAfterSeconds();
        // a minute or more reads as a lock in minutes; less as a short wait in seconds
        String query = seconds >= 60 ? "locked=" + refused.get().retryAfterMinutes() : "wait=" + seconds;
        response.sendRedirect(request.getContextPath() + "/login?" + query);
    }
}
