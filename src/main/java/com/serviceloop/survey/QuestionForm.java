package com.serviceloop.survey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A question as a manager words it. Choices are one per line, the same number in both languages and
 * in the same order (answers store the choice's number); they are kept for SINGLE and MULTI questions
 * only. The purpose tells the indicators what to read from it: OVERALL satisfaction (a scale),
 * RECOMMEND (0-10) or ASK_BY_NAME (text). The version is the survey's, as last read.
 */
public record QuestionForm(
        @NotNull QuestionType qtype,
        @Size(max = 200) String sectionEn,
        @Size(max = 200) String sectionZh,
        @NotBlank @Size(max = 500) String textEn,
        @NotBlank @Size(max = 500) String textZh,
        @Size(max = 2000) String optionsEn,
        @Size(max = 2000) String optionsZh,
        Boolean required,
        String purpose,
        Integer version) {

    static QuestionForm of(Question q, int version) {
        return new QuestionForm(q.qtype(), q.sectionEn(), q.sectionZh(), q.textEn(), q.textZh(), q.optionsEn(), q.optionsZh(),
                q.required(), q.purpose(), version);
    }
}
