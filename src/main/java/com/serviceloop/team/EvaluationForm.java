package com.serviceloop.team;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * One filled-in evaluation of a programme: the 20 items' scores in order (item 1 first), each 1
 * (never) to 5 (excellent); the day it was filled in (today when left out) and a comment.
 */
public record EvaluationForm(
        @NotNull @Size(min = EvaluationScoring.ITEMS, max = EvaluationScoring.ITEMS)
        List<@NotNull @Min(1) @Max(5) Integer> scores,
        LocalDate evaluatedOn,
        @Size(max = 1000) String comment) {
}
