package com.serviceloop.organisation;

import com.serviceloop.platform.AppSettings;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.PageRequest;
import com.serviceloop.platform.PageResult;
import com.serviceloop.platform.Text;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class PersonService {
    private final PersonRepository people;
    private final OrgRepository units;
    private final PasswordEncoder encoder;
    private final AppSettings settings;
    private final SignedInSessions signedIn;

    public PersonService(PersonRepository people, OrgRepository units, PasswordEncoder encoder, AppSettings settings,
                         SignedInSessions signedIn) {
        this.signedIn = signedIn;
        this.people = people;
        this.units = units;
        this.encoder = encoder;
        this.settings = settings;
    }

    public PageResult<Person> search(String q, PageRequest page) {
        return people.search(q, page);
    }

    public Optional<Person> find(long id) {
        return people.findById(id);
    }

    public Person get(long id) {
        return people.findById(id).orElseThrow(() -> new NotFoundException("Person", id));
    }

    /** Everyone who signs in as staff or manager and is active (at most 500, by name). */
    public List<Person> activeSignInStaff() {
        return people.activeSignInStaff(null);
    }

    /** Active staff and managers who sign in and are scoped to one of the given units (at most 500, by name). */
    public List<Person> activeSignInStaff(Collection<Long> scopeUnitIds) {
        return people.activeSignInStaff(List.copyOf(scopeUnitIds));
    }

    /**
     * Active staff and managers whose scope is exactly this unit (not its teams or sub-units), in id
     * order, e.g. to pick case owners at an outlet.
     */
    public List<Long> activeStaffIds(long scopeUnitId) {
        return people.activeStaffIds(scopeUnitId);
    }

    public boolean setupDone() {
        return people.countAdmins() > 0;
    }

    /**
     * First-run: creates the first administrator. The setting row acts as a once-only latch, so two
     * instances receiving the form at the same moment cannot both create one.
     */
    @Transactional
    public Person createFirstAdmin(String displayName, String username, String password) {
        if (setupDone()) {
            throw ConflictException.of("error.organisation.setUp");
        }
        if (!settings.putFirst("setup.completed", "true")) {
            throw ConflictException.of("error.organisation.setUp");
        }
        return create(new PersonForm(displayName, username, password, Role.ADMIN, null, null, null, null, true, null));
    }

    @Transactional
    public Person create(PersonForm form) {
        PersonForm f = normalise(form);
        validate(f, null);
        if (f.username() != null && (f.password() == null || f.password().isBlank())) {
            throw BadInputException.of("password", "error.organisation.passwordNeeded");
        }
        long id = people.insert(f, hash(f.password()));
        return get(id);
    }

    @Transactional
    public Person update(long id, PersonForm form) {
        Person current = get(id);
        PersonForm f = normalise(form);
        validate(f, id);
        // a person who signs in through single sign-on has no local password and needs none
        if (f.username() != null && current.passwordHash() == null && (f.password() == null || f.password().isBlank())
                && !people.isExternal(id)) {
            throw BadInputException.of("password", "error.organisation.passwordNeeded");
        }
        boolean staysAdmin = f.role() == Role.ADMIN && (f.active() == null || f.active());
        if (current.role() == Role.ADMIN && current.active() && !staysAdmin && people.countAdmins() <= 1) {
            throw BadInputException.of("role", "error.organisation.lastAdmin");
        }
        int version = f.version() == null ? current.version() : f.version();
        if (!people.update(id, f, hash(f.password()), version)) {
            throw ConflictException.of("error.organisation.personChanged", String.valueOf(id));
        }
        Person after = get(id);
        signedIn.endIfAccessChanged(current, after, f.password() != null && !f.password().isBlank());
        return after;
    }

    private PersonForm normalise(PersonForm f) {
        Long scope = f.role() == Role.ADMIN ? null : f.scopeUnitId();
        String username = Text.blankToNull(f.username());
        return new PersonForm(f.displayName(), username, f.password(), f.role(), scope, f.teamId(), f.email(),
                f.phone(), f.active(), f.version());
    }

    private void validate(PersonForm f, Long id) {
        if (f.password() != null && !f.password().isBlank()) {
            if (f.username() == null) {
                throw BadInputException.of("username", "error.organisation.usernameNeeded");
            }
            if (f.password().length() < PersonForm.MIN_PASSWORD) {
                throw BadInputException.of("password", "error.organisation.passwordShort",
                        String.valueOf(PersonForm.MIN_PASSWORD));
            }
        }
        if (f.username() != null && people.usernameTaken(f.username(), id)) {
            throw BadInputException.of("username", "error.organisation.usernameTaken", f.username());
        }
        OrgUnit scope = null;
        if (f.role() != Role.ADMIN) {
            if (f.scopeUnitId() == null) {
                throw BadInputException.of("scopeUnitId", "error.organisation.scopeNeeded");
            }
            scope = units.findById(f.scopeUnitId())
                    .orElseThrow(() -> BadInputException.of("scopeUnitId", "error.organisation.noUnit",
                            String.valueOf(f.scopeUnitId())));
        }
        if (f.teamId() != null) {
            OrgUnit team = units.findById(f.teamId())
                    .filter(t -> t.kind() == UnitKind.TEAM)
                    .orElseThrow(() -> BadInputException.of("teamId", "error.organisation.noTeam",
                            String.valueOf(f.teamId())));
            OrgUnit outlet = units.findById(team.parentId()).orElseThrow();
            if (scope != null && !team.path().startsWith(scope.path()) && !scope.path().startsWith(outlet.path())) {
                throw BadInputException.of("teamId", "error.organisation.teamOutside");
            }
        }
    }

    private String hash(String password) {
        return password == null || password.isBlank() ? null : encoder.encode(password);
    }
}
