package com.serviceloop.team;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A leadership round: a leader's own rating and the invitations to rate them. {@code mine} says
 * whether the caller is the leader, who alone changes it.
 *
 * @param outletId   the leader's outlet when the round started (null for a leader above the outlets)
 * @param unitName   that outlet, or the region or chain of a leader above the outlets
 * @param selfScores the leader's 20 scores, item 1 first; null until they rate themself
 */
public record LeadershipRound(long id, long leaderId, String leaderName, Long outletId, String unitName, String title,
                              OffsetDateTime startedAt, List<Integer> selfScores, int invited, int answered,
                              boolean mine) {
}
