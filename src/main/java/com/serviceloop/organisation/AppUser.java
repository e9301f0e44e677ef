package com.serviceloop.organisation;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person, as kept in the (database-backed) session or rebuilt from an API token. */
public record AppUser(long id, String username, String passwordHash, String displayName, Role role,
                      Long scopeUnitId) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
