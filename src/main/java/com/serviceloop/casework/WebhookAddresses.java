package com.serviceloop.casework;

import com.serviceloop.platform.BadInputException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where webhooks may go. A webhook makes this server send requests to an address someone typed in,
 * so without a check an administrator's form (or a stolen admin token) could reach what only this
 * server can: its own ports, the office network, a cloud metadata service with its credentials.
 * Addresses in the internet's public space are accepted; the others only for hosts an administrator
 * lists in {@value #ALLOWED_HOSTS} (host names or IP literals, comma-separated, matched exactly).
 * The check runs at registration (with the reason in the person's words) and again before every
 * delivery, on the addresses the name resolves to then, because a name can be re-pointed any time.
 */
@Component
class WebhookAddresses {
    static final String ALLOWED_HOSTS = "serviceloop.webhooks.allowed-hosts";
    private static final String NOT_LISTED = "; the host is not in " + ALLOWED_HOSTS;

    /** Name resolution; the JVM's own in production, so the HTTP client then connects to the answer just checked. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A delivery not sent because of where it would go; recorded on the delivery as its error. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private final Supplier<String> allowedHosts;
    private final Resolver resolver;

    // the list is read at each use, so a host struck off stops receiving even deliveries already queued
    @Autowired
    WebhookAddresses(Environment environment) {
        this(() -> environment.getProperty(ALLOWED_HOSTS, ""), InetAddress::getAllByName);
    }

    WebhookAddresses(Supplier<String> allowedHosts, Resolver resolver) {
        this.allowedHosts = allowedHosts;
        this.resolver = resolver;
    }

    /** What is wrong with an address: the message key with its arguments, and the same in English for the delivery log. */
    private record Problem(String key, List<String> args, String english) {
    }

    /** The address to store, or a refusal naming the url field. */
    URI checkRegistration(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw BadInputException.of("url", "error.casework.badUrl", url);
        }
        Problem problem;
        try {
            problem = problem(uri);
        } catch (UnknownHostException e) {
            throw BadInputException.of("url", "error.casework.webhookUnknownHost", host(uri));
        }
        if (problem != null) {
            throw BadInputException.of("url", problem.key(), problem.args().toArray());
        }
        return uri;
    }

    /** Checks a stored address just before sending to it; a name that no longer resolves is an ordinary failure. */
    void checkDelivery(URI uri) throws Refused, UnknownHostException {
        Problem problem = problem(uri);
        if (problem != null) {
            throw new Refused("refused: " + problem.english());
        }
    }

    private Problem problem(URI uri) throws UnknownHostException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!Set.of("http", "https").contains(scheme) || uri.getHost() == null) {
            return new Problem("error.casework.httpUrl", List.of(), "only http and https addresses are called");
        }
        if (uri.getRawUserInfo() != null) {
            return new Problem("error.casework.webhookCredentials", List.of(), "the address carries a user name or password");
        }
        String host = host(uri);
        if (allowed(host)) {
            return null;
        }
        AddressKind byName = AddressKind.ofName(host);
        if (byName != null) {
            return new Problem(byName.key, List.of(host, host), host + " is " + byName.english + NOT_LISTED);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new UnknownHostException(host + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            AddressKind kind = AddressKind.of(address);
            if (kind != null) {
                String shown = address.getHostAddress();
                return new Problem(kind.key, List.of(host, shown),
                        host + " resolves to " + shown + ", " + kind.english + NOT_LISTED);
            }
        }
        return null;
    }

    private boolean allowed(String host) {
        return Arrays.stream(allowedHosts.get().split(",")).map(WebhookAddresses::normalise)
                .filter(h -> !h.isEmpty()).collect(Collectors.toSet()).contains(host);
    }

    private static String host(URI uri) {
        return normalise(uri.getHost());
    }

    /** Lower case, no IPv6 brackets, no trailing dot: the spellings of one host compare equal. */
    private static String normalise(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }
}
