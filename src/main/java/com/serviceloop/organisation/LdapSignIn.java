package com.serviceloop.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.AbstractLdapAuthenticationProvider;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.security.ldap.userdetails.DefaultLdapAuthoritiesPopulator;
import org.springframework.security.ldap.userdetails.UserDetailsContextMapper;

/**
 * Sign-in on the form by binding to the directory (serviceloop.sso.ldap.*) with the typed username and
 * password, tried after the local passwords (which this provider tries first). The person's groups go through the same mapping rules as an
 * OpenID provider's "groups" claim; successes and refusals pass SignInEvents.
 */
final class LdapSignIn implements AuthenticationProvider {
    private static final Logger log = LoggerFactory.getLogger(LdapSignIn.class);
    private static final String METHOD = "ldap";
    private final AuthenticationProvider local;
    private final AbstractLdapAuthenticationProvider ldap;
    private final SignInEvents events;

    private LdapSignIn(AuthenticationProvider local, AbstractLdapAuthenticationProvider ldap, SignInEvents events) {
        this.local = local;
        this.ldap = ldap;
        this.events = events;
    }

    /** The directory's sign-in; one that is not set up right refuses every attempt as "unavailable", and says why in the log. */
    static LdapSignIn of(SignInProperties.Ldap p, AuthenticationProvider local, DirectorySignIn directory, SignInEvents events) {
        if (p.url() == null || p.url().isBlank()) {
            log.error("Directory sign-in is switched on but serviceloop.sso.ldap.url is not set: nobody can sign in through it");
            return new LdapSignIn(local, null, events);
        }
        try {
            DefaultSpringSecurityContextSource source = new DefaultSpringSecurityContextSource(p.url());
            if (p.managerDn() != null && !p.managerDn().isBlank()) {
                source.setUserDn(p.managerDn());
                source.setPassword(p.managerPassword() == null ? "" : p.managerPassword());
            }
            source.afterPropertiesSet();
            BindAuthenticator bind = new BindAuthenticator(source);
            if (p.userDnPattern() != null && !p.userDnPattern().isBlank()) {
                bind.setUserDnPatterns(new String[] {p.userDnPattern()});
            } else {
                bind.setUserSearch(new FilterBasedLdapUserSearch(p.userSearchBase(), p.userSearchFilter(), source));
            }
            DefaultLdapAuthoritiesPopulator groups = new DefaultLdapAuthoritiesPopulator(source, p.groupSearchBase());
            groups.setGroupSearchFilter(p.groupSearchFilter());
            groups.setGroupRoleAttribute(p.groupNameAttribute());
            groups.setConvertToUpperCase(false);
            groups.setRolePrefix("");
            groups.setSearchSubtree(true);
            groups.setIgnorePartialResultException(true);
            LdapAuthenticationProvider provider = new LdapAuthenticationProvider(bind, groups);
            provider.setUserDetailsContextMapper(mapper(p, directory));
            return new LdapSignIn(local, provider, events);
        } catch (RuntimeException e) {
            log.error("Directory sign-in cannot be used: {}", SignInEvents.printable(e.getMessage()));
            return new LdapSignIn(local, null, events);
        }
    }

    private static UserDetailsContextMapper mapper(SignInProperties.Ldap p, DirectorySignIn directory) {
        return new UserDetailsContextMapper() {
            @Override
            public UserDetails mapUserFromContext(DirContextOperations ctx, String username,
                                                  Collection<? extends GrantedAuthority> authorities) {
                List<String> groups = authorities.stream().map(GrantedAuthority::getAuthority).toList();
                return directory.signIn(new DirectorySignIn.Identity(METHOD, METHOD + ":" + username.toLowerCase(),
                        username, ctx.getStringAttribute(p.displayNameAttribute()), ctx.getStringAttribute(p.emailAttribute()),
                        Map.of(SignInRules.GROUPS, groups)));
            }

            @Override
            public void mapUserToContext(UserDetails user, DirContextAdapter ctx) {
                throw new UnsupportedOperationException("ServiceLoop does not write to the directory");
            }
        };
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        try {
            return local.authenticate(authentication);
        } catch (BadCredentialsException notLocal) {
            // not a local account, or not its password: the directory's turn
        }
        if (ldap == null) {
            events.failed(METHOD, authentication.getName(), "the directory sign-in is not set up (see the log at start-up)");
            throw new SignInRefused(SignInRefused.Reason.UNAVAILABLE, "directory sign-in is not set up");
        }
        try {
            return ldap.authenticate(authentication);
        } catch (SignInRefused e) {
            events.failed(METHOD, authentication.getName(), e.getMessage());
            throw e;
        } catch (InternalAuthenticationServiceException e) {
            events.failed(METHOD, authentication.getName(), "the directory cannot be reached: " + e.getMessage());
            throw new SignInRefused(SignInRefused.Reason.UNAVAILABLE, "the directory cannot be reached: " + e.getMessage());
        } catch (AuthenticationException e) {
            events.failed(METHOD, authentication.getName(), e.getMessage());
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
