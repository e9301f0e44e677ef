package com.serviceloop.organisation;

import java.util.Set;

/** Levels of the organisation tree and which level may hang under which. */
public enum UnitKind {
    CHAIN, REGION, OUTLET, TEAM;

    public Set<UnitKind> allowedParents() {
        return switch (this) {
            case CHAIN -> Set.of();
            case REGION -> Set.of(CHAIN);
            case OUTLET -> Set.of(REGION, CHAIN);
            case TEAM -> Set.of(OUTLET);
        };
    }
}
