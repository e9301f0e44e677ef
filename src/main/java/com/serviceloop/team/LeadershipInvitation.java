package com.serviceloop.team;

import java.time.OffsetDateTime;

/**
 * An invitation as the round shows it: whom it went to and whether it is still open — never what was
 * answered. The link and the address are shown to the leader only.
 */
public record LeadershipInvitation(long id, String name, String email, String link, Status status, OffsetDateTime createdAt,
                         OffsetDateTime expiresAt) {

    public enum Status { OPEN, ANSWERED, EXPIRED }
}
