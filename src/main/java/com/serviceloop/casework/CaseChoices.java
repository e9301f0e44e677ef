package com.serviceloop.casework;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.Person;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.organisation.UnitKind;
import com.serviceloop.standard.Standard;
import com.serviceloop.standard.StandardService;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the case screens offer to choose from: people and teams to hand a case to, standards it
 * breached, topics.
 */
@Component
class CaseChoices {
    private final OrgService org;
    private final PersonService people;
    private final StandardService standards;
    private final CaseTopics topics;

    CaseChoices(OrgService org, PersonService people, StandardService standards, CaseTopics topics) {
        this.topics = topics;
        this.org = org;
        this.people = people;
        this.standards = standards;
    }

    record Option(long id, String name) {
    }

    /** People a case can be handed to: sign-in staff and managers of the units the user sees, but not the user. */
    List<Option> handlers(AppUser user) {
        return everyone(user).stream().filter(o -> o.id() != user.id()).toList();
    }

    /** The same people and the user too, for a manager's bulk action (who may take cases on). */
    List<Option> everyone(AppUser user) {
        List<Person> staff = user.isAdmin() ? people.activeSignInStaff()
                : people.activeSignInStaff(org.visibleUnits(user).stream().map(OrgUnit::id).toList());
        return staff.stream().map(p -> new Option(p.id(), p.displayName())).toList();
    }

    List<Option> teams(AppUser user) {
        return org.visibleUnits(user).stream().filter(u -> u.kind() == UnitKind.TEAM)
                .map(u -> new Option(u.id(), u.name())).toList();
    }

    /** The topics of the outlet types the user sees, by code (switched-off ones too: old cases have them). */
    Map<String, CaseTopics.Topic> topics(AppUser user) {
        return topics.forOutlets(org.visibleOutlets(user));
    }

    /** The active standards of the case's outlet type. */
    List<Option> standards(AppUser user, SupportCase c) {
        String outletType = org.get(user, c.outletId()).outletType();
        return outletType == null ? List.of() : standards.list(outletType, false).stream()
                // the order the case page has always listed them in, not the library's priority order
                .sorted(Comparator.comparing(Standard::areaCode).thenComparingLong(Standard::id))
                .map(s -> new Option(s.id(), s.behaviour())).toList();
    }
}
