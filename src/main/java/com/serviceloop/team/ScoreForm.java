package com.serviceloop.team;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The caller's scores of one candidate, per standard area, 1 (poor) to 5 (excellent); a new score replaces the caller's old one. */
public record ScoreForm(@NotNull @Positive Long candidateId,
                        @NotNull @Size(min = 1, max = 14) List<@Valid @NotNull AreaScore> scores) {

    public record AreaScore(@NotBlank @Size(max = 32) String areaCode, @NotNull @Min(1) @Max(5) Integer score,
                            @Size(max = 1000) String note) {
    }
}
