package com.serviceloop.organisation;

import com.fasterxml.jackson.annotation.JsonIgnore;

public record Person(long id, String username, @JsonIgnore String passwordHash, String displayName, Role role,
                     Long scopeUnitId, Long teamId, String email, String phone, boolean active, int version) {

    /** The person as the signed-in user (same role and scope). */
    public AppUser asUser() {
        return new AppUser(id, username, passwordHash, displayName, role, scopeUnitId);
    }

    public boolean canSignIn() {
        return active && username != null && passwordHash != null;
    }
}
