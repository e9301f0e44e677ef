package com.serviceloop.survey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A survey's title, introduction and kind, in both languages. The version is the one the change was
 * made on (needed to change a survey, not to make one).
 */
public record SurveyForm(
        @NotBlank @Size(max = 200) String titleEn,
        @NotBlank @Size(max = 200) String titleZh,
        @Size(max = 1000) String introEn,
        @Size(max = 1000) String introZh,
        String kind,
        Integer version) {
}
