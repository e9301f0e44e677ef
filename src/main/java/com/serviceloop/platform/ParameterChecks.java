package com.serviceloop.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Form fields and query parameters, checked before anything binds them, with a 400 naming the
 * field: text with a NUL character ({@link NoNulCharacters}: PostgreSQL cannot store it), then a
 * date (or a date and time) outside the years that {@link StrictJson} allows in bodies — "0001-01-01"
 * or "9999-12-31" in a report range would reach the database as a date some columns and date
 * arithmetic cannot hold.
 */
@Configuration
public class ParameterChecks {
    private static final Pattern DATE = Pattern.compile(
            "([+-]?\\d{4,9})-\\d{2}-\\d{2}([T ][0-9:.]+(Z|[+-]\\d{2}(:?\\d{2})?)?)?");

    /** The parameter's value is a date whose year is out of range. */
    static boolean outOfRange(String value) {
        Matcher m = DATE.matcher(value.strip());
        return m.matches() && !StrictJson.yearInRange(Integer.parseInt(m.group(1).replace("+", "")));
    }

    @Bean
    static FilterRegistrationBean<OncePerRequestFilter> parametersChecked() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Map<String, String[]> parameters = request.getParameterMap();
                for (Map.Entry<String, String[]> p : parameters.entrySet()) {
                    if (NoNulCharacters.hasNul(p.getKey()) || Arrays.stream(p.getValue()).anyMatch(NoNulCharacters::hasNul)) {
                        String field = NoNulCharacters.hasNul(p.getKey()) ? "parameter" : p.getKey();
                        ApiErrors.writeFieldError(response, field, Messages.english("error.platform.nul"));
                        return;
                    }
                }
                for (Map.Entry<String, String[]> p : parameters.entrySet()) {
                    for (String value : p.getValue()) {
                        if (value != null && outOfRange(value)) {
                            ApiErrors.writeFieldError(response, p.getKey(), Messages.english("error.platform.dateRange",
                                    String.valueOf(StrictJson.FIRST_YEAR), String.valueOf(StrictJson.LAST_YEAR)));
                            return;
                        }
                    }
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
