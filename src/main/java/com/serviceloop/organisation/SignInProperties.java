package com.serviceloop.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on settings (README, "Single sign-on (OIDC and LDAP)"): OpenID Connect providers under
 * {@code serviceloop.sso.oidc.<id>.*}, one LDAP / Active Directory under {@code serviceloop.sso.ldap.*},
 * and whether local passwords still sign in. Nothing here is set by default: local sign-in only.
 */
@ConfigurationProperties("serviceloop.sso")
record SignInProperties(@DefaultValue("true") boolean localLogin, Map<String, Oidc> oidc, @DefaultValue Ldap ldap) {

    SignInProperties {
        oidc = oidc == null ? Map.of() : new LinkedHashMap<>(oidc);
    }

    /**
     * One OpenID provider. With {@code issuerUri} alone its endpoints are discovered (on the first sign-in,
     * so a provider that is down does not stop ServiceLoop from starting); providers without discovery name
     * {@code authorizationUri}, {@code tokenUri}, {@code jwkSetUri} and optionally {@code userInfoUri}.
     */
    record Oidc(String label, String issuerUri, String clientId, String clientSecret,
                @DefaultValue({"openid", "profile", "email"}) List<String> scope,
                @DefaultValue("preferred_username") String usernameClaim, @DefaultValue("name") String nameClaim,
                String authorizationUri, String tokenUri, String jwkSetUri, String userInfoUri) {
    }

    /**
     * A directory to bind to with the sign-in form's username and password: the user found by
     * {@code userDnPattern} (relative to the base in {@code url}) or by {@code userSearchFilter} under
     * {@code userSearchBase} (Active Directory: {@code (sAMAccountName={0})} with a manager account); groups
     * by {@code groupSearchFilter} ({0} the user's DN) under {@code groupSearchBase}, named by {@code groupNameAttribute}.
     */
    record Ldap(@DefaultValue("false") boolean enabled, String url, String userDnPattern,
                @DefaultValue("") String userSearchBase, @DefaultValue("(uid={0})") String userSearchFilter,
                String managerDn, String managerPassword, @DefaultValue("") String groupSearchBase,
                @DefaultValue("(member={0})") String groupSearchFilter, @DefaultValue("cn") String groupNameAttribute,
                @DefaultValue("cn") String displayNameAttribute, @DefaultValue("mail") String emailAttribute) {
    }
}
