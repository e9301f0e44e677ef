package com.serviceloop.organisation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Decides the {@link Roles.ChainWide} rule: an administrator, or a manager whose scope unit is a
 * chain. Pages ask it too, to show edit controls only to those who may use them.
 */
@Component("chainWide")
public class ChainScope {
    private final OrgRepository units;
    // a unit's kind never changes (OrgService refuses it) and ids are not reused, so nothing expires
    private final Map<Long, Boolean> isChain = new ConcurrentHashMap<>();

    ChainScope(OrgRepository units) {
        this.units = units;
    }

    /** Takes the principal as Spring Security hands it over: an anonymous caller is a plain string. */
    public boolean allows(Object principal) {
        if (!(principal instanceof AppUser user)) {
            return false;
        }
        if (user.isAdmin()) {
            return true;
        }
        if (user.role() != Role.MANAGER || user.scopeUnitId() == null) {
            return false;
        }
        return isChain.computeIfAbsent(user.scopeUnitId(),
                id -> units.findById(id).map(u -> u.kind() == UnitKind.CHAIN).orElse(false));
    }
}
