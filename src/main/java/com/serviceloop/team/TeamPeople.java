package com.serviceloop.team;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.Person;
import com.serviceloop.organisation.PersonService;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which people a caller may act on in the team module (jobs, training): those working in the units
 * the caller sees, and where each of them works.
 */
@Component
class TeamPeople {
    private final OrgService org;
    private final PersonService people;
    private final Workplaces workplaces;

    TeamPeople(OrgService org, PersonService people, Workplaces workplaces) {
        this.org = org;
        this.people = people;
        this.workplaces = workplaces;
    }

    /** The person, when they work under the caller's scope unit (an administrator sees everyone). */
    Optional<Person> inScope(AppUser user, long personId) {
        Optional<Person> person = people.find(personId);
        if (person.isEmpty() || user.isAdmin()) {
            return person;
        }
        Set<Long> visible = new HashSet<>();
        org.visibleUnits(user).forEach(u -> visible.add(u.id()));
        Long unit = person.get().teamId() != null ? person.get().teamId() : person.get().scopeUnitId();
        return unit != null && visible.contains(unit) ? person : Optional.empty();
    }

    /** The outlet a person works in: their team's outlet, or the outlet they are scoped to; null above the outlets. */
    Long outletOf(Person person) {
        return workplaces.outletOf(person);
    }

    Person get(long personId) {
        return people.get(personId);
    }
}
