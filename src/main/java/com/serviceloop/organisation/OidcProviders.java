package com.serviceloop.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.stereotype.Component;

/**
 * The OpenID providers of serviceloop.sso.oidc.*. A provider's endpoints are discovered at its first
 * sign-in rather than at start-up, so that one that is down or misspelt leaves ServiceLoop running with
 * local sign-in and a clear message on the sign-in page (and the reason in the log); the discovery is
 * tried again at the next click until it succeeds.
 */
@Component
class OidcProviders implements ClientRegistrationRepository {
    private static final Logger log = LoggerFactory.getLogger(OidcProviders.class);
    private static final long DISCOVERY_SECONDS = 10;
    private final Map<String, SignInProperties.Oidc> configured;
    private final Map<String, ClientRegistration> resolved = new ConcurrentHashMap<>();

    OidcProviders(SignInProperties properties) {
        this.configured = properties.oidc();
        configured.forEach((id, p) -> missing(p).ifPresent(what ->
                log.error("Single sign-on provider '{}' cannot be used: serviceloop.sso.oidc.{}.{} is not set", id, id, what)));
    }

    /** A sign-in button: the provider's id (in its addresses) and the words on it. */
    record Button(String id, String label) {
    }

    boolean any() {
        return !configured.isEmpty();
    }

    List<Button> buttons() {
        List<Button> buttons = new ArrayList<>();
        configured.forEach((id, p) -> buttons.add(new Button(id, p.label() == null || p.label().isBlank() ? id : p.label())));
        return buttons;
    }

    SignInProperties.Oidc settings(String id) {
        return configured.get(id);
    }

    @Override
    public ClientRegistration findByRegistrationId(String id) {
        return resolve(id).orElse(null);
    }

    /** The provider's registration, discovering it now if need be; empty (and logged) when it cannot be had. */
    Optional<ClientRegistration> resolve(String id) {
        SignInProperties.Oidc p = id == null ? null : configured.get(id);
        if (p == null) {
            return Optional.empty();
        }
        ClientRegistration known = resolved.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        if (missing(p).isPresent()) {
            log.error("Single sign-on provider '{}' cannot be used: serviceloop.sso.oidc.{}.{} is not set", id, id,
                    missing(p).get());
            return Optional.empty();
        }
        try {
            ClientRegistration registration = CompletableFuture.supplyAsync(() -> build(id, p))
                    .get(DISCOVERY_SECONDS, TimeUnit.SECONDS);
            resolved.put(id, registration);
            return Optional.of(registration);
        } catch (TimeoutException e) {
            log.error("Single sign-on provider '{}' did not answer its discovery ({}) within {} s", id, p.issuerUri(),
                    DISCOVERY_SECONDS);
        } catch (ExecutionException e) {
            log.error("Single sign-on provider '{}' cannot be used: {}", id, SignInEvents.printable(
                    String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private static Optional<String> missing(SignInProperties.Oidc p) {
        if (p.clientId() == null || p.clientId().isBlank()) {
            return Optional.of("client-id");
        }
        if (blank(p.authorizationUri()) && blank(p.issuerUri())) {
            return Optional.of("issuer-uri");
        }
        if (!blank(p.authorizationUri()) && (blank(p.tokenUri()) || blank(p.jwkSetUri()))) {
            return Optional.of(blank(p.tokenUri()) ? "token-uri" : "jwk-set-uri");
        }
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static ClientRegistration build(String id, SignInProperties.Oidc p) {
        ClientRegistration.Builder b = blank(p.authorizationUri()) ? ClientRegistrations.fromIssuerLocation(p.issuerUri())
                : ClientRegistration.withRegistrationId(id).authorizationUri(p.authorizationUri()).tokenUri(p.tokenUri())
                        .jwkSetUri(p.jwkSetUri()).userInfoUri(blank(p.userInfoUri()) ? null : p.userInfoUri())
                        .issuerUri(blank(p.issuerUri()) ? null : p.issuerUri())
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        List<String> scope = new ArrayList<>(p.scope());
        if (!scope.contains("openid")) {
            scope.addFirst("openid");
        }
        return b.registrationId(id).clientId(p.clientId()).clientSecret(p.clientSecret()).scope(scope)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .clientName(p.label() == null ? id : p.label()).build();
    }
}
