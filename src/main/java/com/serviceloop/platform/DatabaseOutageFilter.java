package com.serviceloop.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * ApiErrors and PageErrors answer an unreachable database inside MVC; this answers it when it
 * surfaces before or after MVC: loading or saving the session (kept in the database), looking up
 * an API token, or a page controller whose failure would otherwise reach the container as a 500.
 * It runs outside the session filter (Spring Session's order is HIGHEST_PRECEDENCE + 50).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseOutageFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);
    private final MessageSource messages;
    private final ObjectProvider<LocaleResolver> locales;

    DatabaseOutageFilter(MessageSource messages, ObjectProvider<LocaleResolver> locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseOutage.isCause(e) || response.isCommitted()) {
                throw e;
            }
            // one line, no stack trace: during an outage every request fails the same way
            log.warn("Database unreachable, answered 503: {} {}: {}", request.getMethod(), request.getRequestURI(),
                    e.getMessage());
            response.reset();
            LocaleResolver resolver = locales.getIfAvailable();
            DatabaseOutage.answer(request, response, messages,
                    resolver != null ? resolver.resolveLocale(request) : request.getLocale());
        }
    }
}
