package com.serviceloop.organisation;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a person an OpenID provider or the directory vouched for into a ServiceLoop person: created at
 * their first sign-in, and at every sign-in given the role and scope the mapping rules give now (their
 * sessions elsewhere end when that changes). Refused, never given a default role, when no rule matches.
 */
@Component
class DirectorySignIn {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.@-]{3,80}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,100}@[^@\\s]{1,99}");
    private final PersonRepository people;
    private final SignInRules rules;
    private final SignedInSessions sessions;
    private final SignInEvents events;

    DirectorySignIn(PersonRepository people, SignInRules rules, SignedInSessions sessions, SignInEvents events) {
        this.people = people;
        this.rules = rules;
        this.sessions = sessions;
        this.events = events;
    }

    /**
     * Who the provider says signed in: {@code externalId} is stable there ("oidc:keycloak:&lt;subject&gt;",
     * "ldap:&lt;username&gt;"); {@code claims} hold the values the rules look at (groups, roles...).
     */
    record Identity(String method, String externalId, String username, String displayName, String email,
                    Map<String, ? extends Collection<String>> claims) {
    }

    @Transactional
    AppUser signIn(Identity who) {
        String username = who.username() == null ? "" : who.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            throw new SignInRefused(SignInRefused.Reason.USERNAME, "username '" + username + "' is not 3 to 80 letters, "
                    + "digits or . _ @ - (set the provider's username claim)");
        }
        SignInRules.Mapping mapping;
        try {
            mapping = rules.resolve(who.claims());
        } catch (SignInRefused e) {
            throw new SignInRefused(e.reason(), "'" + username + "': " + e.getMessage());
        }
        Optional<Person> known = people.findByExternalId(who.externalId());
        Optional<Person> sameName = people.findByUsername(username)
                .filter(p -> known.isEmpty() || p.id() != known.get().id());
        if (sameName.isPresent()) {
            // a local account, or another provider's person, is never taken over by a name alone
            throw new SignInRefused(SignInRefused.Reason.TAKEN, "username '" + username + "' belongs to person "
                    + sameName.get().id() + ", who does not sign in this way");
        }
        String name = displayName(who.displayName(), username);
        String email = who.email() != null && who.email().length() <= 200 && EMAIL.matcher(who.email()).matches()
                ? who.email() : null;
        if (known.isEmpty()) {
            long id = people.insertExternal(who.externalId(), username, name, email, mapping.role(), mapping.scopeUnitId(),
                    team(mapping, null));
            return signedIn(who, people.findById(id).orElseThrow(), mapping, "created");
        }
        Person before = known.get();
        if (!before.active()) {
            throw new SignInRefused(SignInRefused.Reason.INACTIVE, "person " + before.id() + " is not active");
        }
        if (before.role() == Role.ADMIN && mapping.role() != Role.ADMIN && people.countAdmins() <= 1) {
            throw new SignInRefused(SignInRefused.Reason.LAST_ADMIN, "person " + before.id()
                    + " is the last active administrator; the mapping would make them " + mapping.role());
        }
        people.updateFromDirectory(before.id(), username, name, email, mapping.role(), mapping.scopeUnitId(),
                Objects.equals(before.scopeUnitId(), mapping.scopeUnitId()) ? before.teamId() : team(mapping, null));
        Person after = people.findById(before.id()).orElseThrow();
        sessions.endIfAccessChanged(before, after, false);
        return signedIn(who, after, mapping, "updated");
    }

    private AppUser signedIn(Identity who, Person person, SignInRules.Mapping mapping, String what) {
        events.succeeded(who.method(), person.username(), "person " + person.id() + " " + what + " as " + mapping.role()
                + (mapping.unit() == null ? "" : " of " + mapping.unit().code()) + " by rule " + mapping.rule().id()
                + " ('" + mapping.value() + "')");
        return person.asUser();
    }

    /** A rule that names a team scopes the person to it and puts them in it. */
    private static Long team(SignInRules.Mapping mapping, Long otherwise) {
        return mapping.unit() != null && mapping.unit().kind() == UnitKind.TEAM ? Long.valueOf(mapping.unit().id()) : otherwise;
    }

    private static String displayName(String given, String username) {
        String name = given == null ? "" : given.replaceAll("\\p{Cntrl}", " ").strip();
        return name.isEmpty() ? username : name.length() > 200 ? name.substring(0, 200) : name;
    }
}
