package com.serviceloop.team;

import jakarta.validation.constraints.Size;

/** A new round; the caller is its leader. Without a title the round is known by its start date. */
public record LeadershipRoundForm(@Size(max = 100) String title) {
}
