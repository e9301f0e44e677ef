package com.serviceloop.organisation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * What single sign-on adds to the security chain, and only when it is configured: OpenID Connect
 * sign-in beside the form, the directory behind the form, and the switch that leaves local passwords
 * to administrators alone (the emergency way in: /login?local=1).
 */
@Component
class SingleSignOn {
    private final SignInProperties properties;
    private final OidcProviders providers;
    private final DirectorySignIn directory;
    private final SignInEvents events;
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    SingleSignOn(SignInProperties properties, OidcProviders providers, DirectorySignIn directory, SignInEvents events) {
        this.properties = properties;
        this.providers = providers;
        this.directory = directory;
        this.events = events;
    }

    List<OidcProviders.Button> buttons() {
        return providers.buttons();
    }

    /** Local passwords sign in; when off, only administrators' do (the emergency way in). */
    boolean localLogin() {
        return properties.localLogin();
    }

    /** The username and password form: for local passwords, the directory, or an administrator who asked for it. */
    boolean formShown(boolean askedForLocal) {
        return properties.localLogin() || properties.ldap().enabled() || askedForLocal || !providers.any();
    }

    /** Adds OpenID Connect sign-in when a provider is configured; the person it yields becomes the principal. */
    void oidc(HttpSecurity http, AuthenticationSuccessHandler then) throws Exception {
        if (!providers.any()) {
            return;
        }
        http.oauth2Login(login -> login.loginPage("/login").clientRegistrationRepository(providers)
                .authorizationEndpoint(a -> a.authorizationRequestResolver(new TolerantResolver(providers)))
                .authorizedClientRepository(new NoAuthorizedClients())
                .userInfoEndpoint(info -> info.oidcUserService(new OidcPeople(providers, directory)))
                .successHandler((req, res, auth) -> {
                    if (auth.getPrincipal() instanceof OidcPeople.SignedInByProvider p) {
                        SecurityContext context = SecurityContextHolder.createEmptyContext();
                        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p.person(), null,
                                p.person().getAuthorities()));
                        SecurityContextHolder.setContext(context);
                        contexts.saveContext(context, req, res);
                    }
                    then.onAuthenticationSuccess(req, res, auth);
                })
                .failureHandler(this::oidcFailed));
    }

    private void oidcFailed(HttpServletRequest req, HttpServletResponse res, AuthenticationException e)
            throws IOException {
        String uri = req.getRequestURI();
        String provider = uri.substring(uri.lastIndexOf('/') + 1);
        String detail = e instanceof OAuth2AuthenticationException o
                ? o.getError().getErrorCode() + (o.getError().getDescription() == null ? "" : ": " + o.getError().getDescription())
                : e.getMessage();
        events.failed(provider, null, detail);
        res.sendRedirect(req.getContextPath() + "/login?sso=" + code(e));
    }

    /** The sign-in page's message for a refused sign-in, as its address carries it. */
    static String code(AuthenticationException e) {
        return e instanceof SignInRefused r ? r.code() : SignInRefused.Reason.FAILED.name().toLowerCase();
    }

    /**
     * The form's sign-in when the directory is on: local passwords first (so that a local account is never
     * taken for a directory one of the same name), then the directory. Null while the directory is off.
     */
    AuthenticationProvider formAuthentication(UserDetailsService local, PasswordEncoder encoder) {
        if (!properties.ldap().enabled()) {
            return null;
        }
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(local);
        passwords.setPasswordEncoder(encoder);
        return LdapSignIn.of(properties.ldap(), passwords, directory, events);
    }

    /**
     * A provider that cannot be had (down, misconfigured, unknown id) lets the request through to the sign-in
     * page's own handler of the address, which sends the person back with the message; Spring's resolver
     * would answer 500 with a stack trace in the log.
     */
    private static final class TolerantResolver implements OAuth2AuthorizationRequestResolver {
        private final DefaultOAuth2AuthorizationRequestResolver standard;

        TolerantResolver(OidcProviders providers) {
            this.standard = new DefaultOAuth2AuthorizationRequestResolver(providers,
                    OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        }

        @Override
        public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
            try {
                return standard.resolve(request);
            } catch (IllegalArgumentException unavailable) {
                return null;
            }
        }

        @Override
        public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
            try {
                return standard.resolve(request, registrationId);
            } catch (IllegalArgumentException unavailable) {
                return null;
            }
        }
    }

    /** ServiceLoop calls no provider API after sign-in, so the provider's tokens are not kept. */
    private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {
        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId, Authentication principal,
                                                                         HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal, HttpServletRequest request,
                                         HttpServletResponse response) {
            // not kept
        }

        @Override
        public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
                                           HttpServletResponse response) {
            // nothing kept
        }
    }
}
