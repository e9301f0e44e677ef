package com.serviceloop.team;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A filled-in evaluation: the 20 scores, their total (20 to 100), the chain's band for it and the items
 * scored at or below the flag threshold ("improve now").
 */
public record Evaluation(long id, long programmeId, long evaluatorId, String evaluatorName, boolean byManager,
                         LocalDate evaluatedOn, List<Integer> scores, int total, Grading.Band band,
                         List<Integer> improveNow, String comment, OffsetDateTime submittedAt) {
}
