package com.serviceloop.organisation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * After a provider's sign-in: the person it vouched for, as ServiceLoop knows them (DirectorySignIn), kept
 * beside the provider's own user until the success handler makes them the signed-in principal.
 */
class OidcPeople extends OidcUserService {
    private final OidcProviders providers;
    private final DirectorySignIn directory;

    OidcPeople(OidcProviders providers, DirectorySignIn directory) {
        this.providers = providers;
        this.directory = directory;
    }

    /** The provider's user with the ServiceLoop person it turned out to be. */
    static final class SignedInByProvider extends DefaultOidcUser {
        private final transient AppUser person;

        SignedInByProvider(OidcUser user, AppUser person) {
            super(person.getAuthorities(), user.getIdToken(), user.getUserInfo(), IdTokenClaimNames.SUB);
            this.person = person;
        }

        AppUser person() {
            return person;
        }
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = super.loadUser(request);
        String id = request.getClientRegistration().getRegistrationId();
        SignInProperties.Oidc settings = providers.settings(id);
        Map<String, Object> claims = user.getClaims();
        AppUser person = directory.signIn(new DirectorySignIn.Identity(id, "oidc:" + id + ":" + user.getSubject(),
                text(claims.get(settings.usernameClaim())), text(claims.get(settings.nameClaim())), user.getEmail(),
                values(claims)));
        return new SignedInByProvider(user, person);
    }

    /** Every claim as the list of texts the rules match: a list claim (groups) value by value, any other as one text. */
    private static Map<String, List<String>> values(Map<String, Object> claims) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        claims.forEach((name, value) -> values.put(name, value instanceof Collection<?> c
                ? c.stream().map(String::valueOf).toList() : List.of(String.valueOf(value))));
        return values;
    }

    private static String text(Object claim) {
        return claim == null ? null : String.valueOf(claim);
    }
}
