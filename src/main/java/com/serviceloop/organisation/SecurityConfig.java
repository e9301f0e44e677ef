package com.serviceloop.organisation;

import com.serviceloop.platform.ApiErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration
@EnableMethodSecurity
class SecurityConfig {

    /** Bearer-token requests carry no session cookie, so CSRF does not apply to them. */
    static final RequestMatcher BEARER = request -> {
        String h = request.getHeader("Authorization");
        return h != null && h.startsWith("Bearer ");
    };

    /**
     * Scripts only from files of this site: markup that slipped past escaping cannot run code. Styles
     * keep 'unsafe-inline' because data-driven widths (bars, tree indents) are style attributes and
     * ECharts writes its tooltips as HTML with style attributes; a style cannot run script, and htmx
     * injects no style of its own (includeIndicatorStyles is off, its rules are in app.css).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; object-src 'none'; "
            + "img-src 'self' data:; style-src 'self' 'unsafe-inline'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /**
     * An API call from no one signed in has no session to ride on, so there is nothing to forge: it is
     * answered 401 rather than refused as a CSRF attempt (403). Signed-in sessions still need the token.
     */
    static final RequestMatcher API_SIGNED_OUT = request -> request.getRequestURI()
            .startsWith(request.getContextPath() + "/api/")
            && SecurityContextHolder.getContext().getAuthentication() == null;

    /** The only paths a mystery shopper may open (beside sign-in, sign-out and the static files). */
    static final RequestMatcher SHOPPER_PATHS = new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/mystery/mine"),
            PathPatternRequestMatcher.pathPattern("/mystery/mine/**"), PathPatternRequestMatcher.pathPattern("/api/v1/mystery/my-visits"),
            PathPatternRequestMatcher.pathPattern("/api/v1/mystery/my-visits/**"), PathPatternRequestMatcher.pathPattern("/logout"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/lang"));

    /**
     * Pages carry no role rule on their GET handlers, so a shopper is kept to their own paths here: every
     * other page and operation answers 403, whatever its own rule would have let a signed-in person see.
     */
    static final RequestMatcher SHOPPER_ELSEWHERE = request -> {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.SHOPPER.authority()))
                && !SHOPPER_PATHS.matches(request);
    };

    @Bean
    SecurityFilterChain security(HttpSecurity http, ApiTokenService tokens, SignInThrottle throttle, SingleSignOn sso,
                                 UserDetailsService local, PasswordEncoder encoder) throws Exception {
        // machine endpoints answer 401/403 as JSON; pages send a person to the sign-in page
        SavedRequestAwareAuthenticationSuccessHandler signedIn = new SavedRequestAwareAuthenticationSuccessHandler();
        signedIn.setDefaultTargetUrl("/");
        SimpleUrlAuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");
        RequestMatcher api = new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/api/**"),
                PathPatternRequestMatcher.pathPattern("/actuator/**"), PathPatternRequestMatcher.pathPattern("/v3/api-docs/**"));
        http
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/favicon.svg", "/error").permitAll()
                .requestMatchers("/login", "/login/sso/*", "/oauth2/authorization/*", "/setup", "/api/v1/setup").permitAll()
                // public survey pages and submissions: the unguessable link token is the key
                .requestMatchers("/s/**", "/api/v1/public/**").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers(SHOPPER_ELSEWHERE).denyAll()
                // metrics and the API description tell an outsider too much: an administrator's token or session
                .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                .requestMatchers("/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs/**").authenticated()
                .requestMatchers(HttpMethod.GET, "/lang").permitAll()
                // administration, refused before any input is looked at (methods check it again)
                .requestMatchers("/api/v1/people/**", "/api/v1/tokens/**", "/api/v1/sign-in-rules/**").hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/api/v1/units/**").hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.PUT, "/api/v1/units/**").hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.DELETE, "/api/v1/units/**").hasRole(Role.ADMIN.name())
                .anyRequest().authenticated())
            .formLogin(form -> form.loginPage("/login").permitAll()
                .successHandler((req, res, auth) -> {
                    throttle.succeeded(req.getParameter("username"));
                    if (auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.SHOPPER.authority()))) {
                        res.sendRedirect(req.getContextPath() + "/mystery/mine");
                        return;
                    }
                    signedIn.onAuthenticationSuccess(req, res, auth);
                })
                .failureHandler((req, res, e) -> {
                    throttle.failed(req.getParameter("username"), req.getRemoteAddr());
                    if (e instanceof SignInRefused) {
                        res.sendRedirect(req.getContextPath() + "/login?sso=" + SingleSignOn.code(e));
                    } else {
                        wrongPassword.onAuthenticationFailure(req, res, e);
                    }
                }))
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
            .csrf(csrf -> csrf.ignoringRequestMatchers(BEARER, API_SIGNED_OUT, PathPatternRequestMatcher.pathPattern("/api/v1/setup"),
                    PathPatternRequestMatcher.pathPattern("/s/**"), PathPatternRequestMatcher.pathPattern("/api/v1/public/**")))
            .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                    (req, res, e) -> ApiErrors.writeJson(res, HttpServletResponse.SC_UNAUTHORIZED,
                            "Unauthorized", "Sign in or send an API token as 'Authorization: Bearer ...'"), api)
                .defaultAccessDeniedHandlerFor(
                    (req, res, e) -> ApiErrors.writeJson(res, HttpServletResponse.SC_FORBIDDEN,
                            "Forbidden", "Your role does not allow this"), api)
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE))
            .addFilterBefore(new ApiTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
            .addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
            .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    // links to other sites carry no path or query (survey tokens live in paths)
                    .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                    // the camera serves case photos and the location a mystery shopper chooses to add, from this site only
                    .permissionsPolicyHeader(p -> p.policy("camera=(self), microphone=(), geolocation=(self), payment=(), usb=()")));
        sso.oidc(http, signedIn);
        AuthenticationProvider passwordsThenDirectory = sso.formAuthentication(local, encoder);
        if (passwordsThenDirectory != null) {
            http.authenticationProvider(passwordsThenDirectory);
        }
        return http.build();
    }

    /**
     * One observation per request (http.server.requests) is kept; Spring Security's own, around each
     * of its filters and each authorisation, cost a few per cent of the CPU of every API call.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(PersonRepository people, SignInProperties sso) {
        // with local sign-in switched off, an administrator's password is still the emergency way in
        return username -> people.findByUsername(username)
                .filter(p -> p.canSignIn() && (sso.localLogin() || p.role() == Role.ADMIN))
                .map(Person::asUser)
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}
