package com.serviceloop;

import com.serviceloop.customer.CustomerForm;
import com.serviceloop.customer.CustomerService;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.OrgUnitForm;
import com.serviceloop.organisation.Person;
import com.serviceloop.organisation.PersonForm;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.organisation.Role;
import com.serviceloop.organisation.UnitKind;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Builds test data through the real services. The test database is shared by all test classes of
 * a run, so every code and member number carries a random suffix.
 */
@Component
public class Fixtures {
    public static final String PASSWORD = "test-password-1";
    private final OrgService org;
    private final PersonService people;
    private final CustomerService customers;

    public Fixtures(OrgService org, PersonService people, CustomerService customers) {
        this.org = org;
        this.people = people;
        this.customers = customers;
    }

    /** A chain with one region and two outlets, A and B, each with a team. */
    public record Chain(OrgUnit chain, OrgUnit region, OrgUnit outletA, OrgUnit outletB, OrgUnit teamA) {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public AppUser admin() {
        if (!people.setupDone()) {
            try {
                people.createFirstAdmin("First Admin", "admin", PASSWORD);
            } catch (RuntimeException raceOrDone) {
                // another test created it first
            }
        }
        Person p = people.create(new PersonForm("Admin", unique("admin"), PASSWORD, Role.ADMIN, null, null,
                null, null, true, null));
        return user(p);
    }

    public Chain chain() {
        OrgUnit chain = unit(null, UnitKind.CHAIN, "Chain");
        OrgUnit region = unit(chain.id(), UnitKind.REGION, "Region");
        OrgUnit a = unit(region.id(), UnitKind.OUTLET, "Outlet A");
        OrgUnit b = unit(region.id(), UnitKind.OUTLET, "Outlet B");
        OrgUnit team = unit(a.id(), UnitKind.TEAM, "Team A");
        return new Chain(chain, region, a, b, team);
    }

    public OrgUnit unit(Long parent, UnitKind kind, String name) {
        return org.create(new OrgUnitForm(parent, kind, name, unique(kind.name()), kind == UnitKind.OUTLET ? "pharmacy" : null,
                null, null));
    }

    public AppUser person(Role role, long scopeUnitId) {
        Person p = people.create(new PersonForm(role + " person", unique(role.name().toLowerCase()), PASSWORD, role,
                scopeUnitId, null, null, null, true, null));
        return user(p);
    }

    /** A person in a team, with an e-mail address (for escalation mails). */
    public AppUser person(Role role, long scopeUnitId, Long teamId, String email) {
        Person p = people.create(new PersonForm(role + " person", unique(role.name().toLowerCase()), PASSWORD, role,
                scopeUnitId, teamId, email, null, true, null));
        return user(p);
    }

    public static AppUser user(Person p) {
        return new AppUser(p.id(), p.username(), p.passwordHash(), p.displayName(), p.role(), p.scopeUnitId());
    }

    public long customer(AppUser by, long outletId, String name) {
        return customer(by, outletId, name, unique("M"));
    }

    public long customer(AppUser by, long outletId, String name, String memberNo) {
        return customers.create(by, form(memberNo, name, outletId)).id();
    }

    public static CustomerForm form(String memberNo, String name, long outletId) {
        return new CustomerForm(memberNo, name, "138 0000 0000", null, outletId, null, null, null, null, null, null,
                null, null, null, null, null, false, false, false, null);
    }
}
