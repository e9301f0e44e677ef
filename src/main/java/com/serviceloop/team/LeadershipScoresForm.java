package com.serviceloop.team;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** One filled-in questionnaire: the 20 scores, item 1 first, each a whole number from 1 (rarely) to 5 (always). */
public record LeadershipScoresForm(
        @NotNull @Size(min = Principle.ITEMS, max = Principle.ITEMS, message = "{validation.leadershipScores}")
        List<@NotNull @Min(1) @Max(5) Integer> scores) {
}
