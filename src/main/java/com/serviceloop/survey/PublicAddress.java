package com.serviceloop.survey;

import java.net.URI;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address customers' phones open a survey link at: always the configured public base URL
 * (serviceloop.base-url), never one taken from a request, whose Host header anyone can forge to
 * put their own site on printed posters. A loopback base URL is warned about on the survey page.
 */
@Component
class PublicAddress {
    private final String baseUrl;

    public PublicAddress(@Value("${serviceloop.base-url:http://localhost:8080}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String configured() {
        return baseUrl;
    }

    /** True when the configured address names this computer (localhost, 127.x.x.x, ::1, 0.0.0.0) or is no address at all. */
    public boolean loopback() {
        return loopback(baseUrl);
    }

    static boolean loopback(String url) {
        String host;
        try {
            host = URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return true;
        }
        if (host == null) {
            return true;
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                || host.equals("[::1]") || host.equals("::1") || host.equals("0.0.0.0");
    }

    /** The public page of a link, to print on a poster or send. */
    public String link(String token) {
        return baseUrl + "/s/" + token;
    }
}
