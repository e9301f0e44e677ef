package com.serviceloop.organisation;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A person as entered by an administrator. The password is optional on edit (blank keeps it). */
public record PersonForm(
        @NotBlank @Size(max = 200) String displayName,
        @Size(max = 80) @Pattern(regexp = "^$|[A-Za-z0-9_.@-]{3,80}", message = "{validation.username}") String username,
        @Size(max = 200) String password,
        @NotNull Role role,
        Long scopeUnitId,
        Long teamId,
        @Email @Size(max = 200) String email,
        @Size(max = 40) String phone,
        Boolean active,
        Integer version) {

    public static final int MIN_PASSWORD = 10;
}
