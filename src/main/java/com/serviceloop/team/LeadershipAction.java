package com.serviceloop.team;

import java.time.LocalDate;

/** What the leader will do about a principle, by when, and whether it is done. */
public record LeadershipAction(long id, long roundId, Principle principle, String action, LocalDate dueOn, boolean done,
                         int version) {
}
