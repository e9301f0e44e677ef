package com.serviceloop.survey;

import java.util.List;

/** One question; choices are the same in both languages, in the same order. */
public record Question(long id, long surveyId, int position, String sectionEn, String sectionZh, QuestionType qtype,
                       String textEn, String textZh, String optionsEn, String optionsZh, boolean required,
                       Dimension dimension, String side, Integer itemNo, String purpose) {

    public List<String> options(boolean chinese) {
        String text = chinese ? optionsZh : optionsEn;
        return text == null || text.isBlank() ? List.of() : List.of(text.split("\n"));
    }

    public String text(boolean chinese) {
        return chinese ? textZh : textEn;
    }

    public String section(boolean chinese) {
        return chinese ? sectionZh : sectionEn;
    }

    /** A SERVQUAL statement rated for expectation or perception (what the gap analysis reads). */
    public boolean servqualItem() {
        return dimension != null && ("EXPECTATION".equals(side) || "PERCEPTION".equals(side));
    }
}
