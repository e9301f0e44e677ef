package com.serviceloop.team;

import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.Person;
import org.springframework.stereotype.Component;

/** Where a person works: the outlet of their team, or the unit they are scoped to. */
@Component
class Workplaces {
    private final OrgService org;

    Workplaces(OrgService org) {
        this.org = org;
    }

    /**
     * @param outletId the person's outlet; null for someone above the outlets (or nowhere)
     * @param unitId   that outlet, or the region or chain of someone above the outlets
     */
    record Place(Long outletId, Long unitId) {
    }

    Place of(Person person) {
        Long unitId = person.teamId() != null ? person.teamId() : person.scopeUnitId();
        OrgUnit unit = unitId == null ? null : org.find(unitId).orElse(null);
        if (unit == null) {
            return new Place(null, null);
        }
        return switch (unit.kind()) {
            case TEAM -> new Place(unit.parentId(), unit.parentId());
            case OUTLET -> new Place(unit.id(), unit.id());
            case REGION, CHAIN -> new Place(null, unit.id());
        };
    }

    /** The outlet a person works in: their team's outlet, or the outlet they are scoped to; null above the outlets. */
    Long outletOf(Person person) {
        return of(person).outletId();
    }
}
