package com.serviceloop.audit;

import java.util.List;

/**
 * An audit's scores, each 0 to 1 (null where nothing could be scored). The report reads it from the top:
 * what was done well first, then what to improve.
 */
public record Scorecard(Double overall, String result, List<Section> sections, List<Item> wellDone,
                        List<Item> toImprove, List<Item> criticalMisses) {

    public record Section(long sectionId, String areaCode, String areaNameEn, String areaNameZh, double weight,
                          Double score, List<Item> items) {
    }

    /** One item's answer as scored; {@code score} is null for N/A, unanswered and evidence-only items. */
    public record Item(long itemId, String text, String areaCode, Long standardId, Long standardVersionId,
                       AnswerType answerType, boolean critical, boolean answered, boolean notApplicable, Double score) {

        public boolean missed() {
            return score != null && score < Scoring.MISS_BELOW;
        }
    }
}
