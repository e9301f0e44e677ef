package com.serviceloop.team;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * People the leader asks to rate them: a name to know whom a link was given to, and an e-mail
 * address when the link should be mailed. Each gets a link of their own, open for validDays (default 14).
 */
public record LeadershipInvitationForm(
        @NotNull @Size(min = 1, max = 30) List<@Valid @NotNull LeadershipInvitee> invitees,
        @Min(1) @Max(60) Integer validDays) {

    public record LeadershipInvitee(@NotBlank @Size(max = 100) String name, @Email @Size(max = 200) String email) {
    }
}
