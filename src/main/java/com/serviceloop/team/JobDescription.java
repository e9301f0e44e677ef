package com.serviceloop.team;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a job description says: why the job exists, its duties (each how it is done and what
 * excellent looks like, after a standard), its internal customers, the knowledge, skills and
 * behaviours it needs at a skill level of 1 to 4, and the results expected.
 */
public record JobDescription(
        @NotBlank @Size(max = 1000) String purpose,
        @NotNull @Size(max = 60) List<@Valid @NotNull Duty> duties,
        @NotNull @Size(max = 30) List<@NotBlank @Size(max = 300) String> relations,
        @NotNull @Size(max = 40) List<@Valid @NotNull Competence> knowledge,
        @NotNull @Size(max = 40) List<@Valid @NotNull Competence> skills,
        @NotNull @Size(max = 40) List<@Valid @NotNull Competence> behaviours,
        @NotNull @Size(max = 60) List<@NotBlank @Size(max = 500) String> results) {

    public static final int LOWEST_LEVEL = 1;
    public static final int HIGHEST_LEVEL = 4;

    /** A duty; standardId names the standard it was written from (null: written by hand). */
    public record Duty(@Positive Long standardId, @NotBlank @Size(max = 300) String duty,
                       @Size(max = 1000) String how, @Size(max = 500) String excellent) {
    }

    /** Something the holder knows, can do or shows, at a level from 1 (aware) to 4 (expert, teaches others). */
    public record Competence(@NotBlank @Size(max = 300) String text,
                             @NotNull @Min(LOWEST_LEVEL) @Max(HIGHEST_LEVEL) Integer level) {
    }
}
