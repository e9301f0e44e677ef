package com.serviceloop.team;

import com.serviceloop.team.InterviewGuide.GuideQuestion;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The whole guide as saved, and the version it was edited from (409 when another was saved since). */
public record GuideForm(@NotNull @Size(min = 1, max = 60) List<@Valid @NotNull GuideQuestion> questions, Integer version) {
}
