package com.serviceloop.staff;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** What the review steps take: prepare, assess, discuss, check a goal. */
public final class ReviewForms {
    private ReviewForms() {
    }

    /** A review of a person over a period (at most a year, begun by today). */
    public record Prepare(@NotNull @Positive Long personId, @NotNull LocalDate periodFrom, @NotNull LocalDate periodTo) {
    }

    /** A 1-5 rating of how the person keeps one standard of their job. */
    public record Rating(@NotNull @Positive Long standardId, @NotNull @Min(1) @Max(5) Integer rating) {
    }

    /** The person's own assessment, or the manager's, by who sends it. */
    public record Assess(@Size(max = 2000) String note, @NotNull @Size(max = 60) List<@NotNull @Valid Rating> ratings) {
    }

    /** A goal agreed in the discussion, tied to one of the job's standards. */
    public record Goal(@Positive Long standardId, @NotBlank @Size(max = 500) String text, @NotNull LocalDate dueOn) {
    }

    /** The discussion: its day, notes, the strengths agreed and one to three goals. */
    public record Discuss(@NotNull LocalDate discussedOn, @Size(max = 4000) String meetingNotes,
                          @Size(max = 2000) String strengths, @NotNull @Size(min = 1, max = 3) List<@NotNull @Valid Goal> goals) {
    }

    /** How far a goal of the review before was reached, checked at this one. */
    public record Check(@NotNull @Pattern(regexp = "MET|PARTLY|NOT_MET", message = "{validation.goalOutcome}") String outcome) {
    }
}
