package com.serviceloop.team;

import com.serviceloop.team.JobDescription.Competence;
import com.serviceloop.team.JobDescription.Duty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A job description as saved: the whole text, and the version it was edited from (409 when another was saved since). */
public record DescriptionForm(
        @NotBlank @Size(max = 1000) String purpose,
        @NotNull @Size(max = 60) List<@Valid @NotNull Duty> duties,
        @NotNull @Size(max = 30) List<@NotBlank @Size(max = 300) String> relations,
        @NotNull @Size(max = 40) List<@Valid @NotNull Competence> knowledge,
        @NotNull @Size(max = 40) List<@Valid @NotNull Competence> skills,
        @NotNull @Size(max = 40) List<@Valid @NotNull Competence> behaviours,
        @NotNull @Size(max = 60) List<@NotBlank @Size(max = 500) String> results,
        Integer version) {

    JobDescription content() {
        return new JobDescription(purpose.strip(), duties, relations, knowledge, skills, behaviours, results);
    }
}
