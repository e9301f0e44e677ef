package com.serviceloop.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text with a NUL character is refused where it enters (JSON bodies, forms, query parameters) with
 * a 400 naming the field: PostgreSQL cannot store NUL in text, and the insert would end in a 500.
 */
@Configuration
public class NoNulCharacters {

    public static boolean hasNul(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    @Bean
    static JacksonModule noNulInJson() {
        return new SimpleModule("no-nul-characters").addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) {
                String value = super.deserialize(p, ctxt);
                if (hasNul(value)) {
                    throw InvalidFormatException.from(p, "NUL character", value, String.class);
                }
                return value;
            }
        });
    }

    /** Form fields and query parameters, before anything binds them. */
    @Bean
    static FilterRegistrationBean<OncePerRequestFilter> noNulInParameters() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
                    if (hasNul(p.getKey()) || Arrays.stream(p.getValue()).anyMatch(NoNulCharacters::hasNul)) {
                        String field = hasNul(p.getKey()) ? "parameter" : p.getKey();
                        ApiErrors.writeFieldError(response, field, Messages.english("error.platform.nul"));
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
