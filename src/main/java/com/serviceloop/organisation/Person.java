package com.serviceloop.organisation;

import com.fasterxml.jackson.annotation.JsonIgnore;

public record Person(long id, String username, @JsonIgnore String passwordHash, String displayName, Role role,
                     Long scopeUnitId, Long teamId, String email, String phone, boolean active, int version) {

    public boolean canSignIn() {
        return active && username != null && passwordHash != null;
    }
}
