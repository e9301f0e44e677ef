package idp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * A real OpenID provider (Spring Authorization Server) for the single sign-on tests, in a Spring context and
 * embedded Tomcat of its own on localhost. It lives outside com.serviceloop so that the application's
 * component scan never meets it. Its users sign in on its own form; the groups and username their ID
 * token carries are whatever the test puts in {@link #GROUPS} and {@link #USERNAMES} before the sign-in.
 */
@EnableWebSecurity
public class TestIdentityProvider {
    public static final String CLIENT_ID = "serviceloop";
    public static final String CLIENT_SECRET = "idp-test-secret";
    public static final String PASSWORD = "idp-password-1";
    /** The provider's users: groups claim by user. */
    public static final Map<String, List<String>> GROUPS = new ConcurrentHashMap<>();
    /** The preferred_username a user's token carries, when not their own name. */
    public static final Map<String, String> USERNAMES = new ConcurrentHashMap<>();
    private static int appPort;
    private static int port;
    private static String[] users = new String[0];

    /** Starts the provider on {@code idpPort}, for a ServiceLoop on 127.0.0.1:{@code servicePort}, with these users. */
    public static ConfigurableApplicationContext start(int idpPort, int servicePort, String... names) {
        port = idpPort;
        appPort = servicePort;
        users = names.clone();
        SpringApplication app = new SpringApplication(TestIdentityProvider.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        app.setDefaultProperties(Map.of("spring.config.name", "test-identity-provider", "spring.main.banner-mode", "off"));
        return app.run();
    }

    @Bean
    TomcatServletWebServerFactory webServer() {
        TomcatServletWebServerFactory tomcat = new TomcatServletWebServerFactory(port);
        // the provider is all filters, and Tomcat runs filters only for a request some servlet is mapped to
        tomcat.setRegisterDefaultServlet(true);
        return tomcat;
    }

    @Bean
    @Order(1)
    SecurityFilterChain endpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(Customizer.withDefaults());
        })
            .authorizeHttpRequests(a -> a.anyRequest().authenticated())
            .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(Arrays.stream(users)
                .map(u -> User.withUsername(u).password("{noop}" + PASSWORD).roles("USER").build()).toList());
    }

    @Bean
    RegisteredClientRepository clients() {
        String callback = "http://127.0.0.1:" + appPort + "/login/oauth2/code/";
        return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(CLIENT_ID).clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(callback + "idp").redirectUri(callback + "wrongsecret")
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build()).build());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> groupsInIdToken() {
        return context -> {
            if ("id_token".equals(context.getTokenType().getValue())) {
                String name = context.getPrincipal().getName();
                context.getClaims().claim("preferred_username", USERNAMES.getOrDefault(name, name))
                        .claim("name", "IdP user " + name).claim("email", name + "@example.com")
                        .claim("groups", GROUPS.getOrDefault(name, List.of()));
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** Reads the access tokens its user-info endpoint is called with. */
    @Bean
    JwtDecoder accessTokens(JWKSource<SecurityContext> keys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    @Bean
    AuthorizationServerSettings settings() {
        return AuthorizationServerSettings.builder().issuer("http://localhost:" + port).build();
    }
}
