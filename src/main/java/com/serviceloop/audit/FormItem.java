package com.serviceloop.audit;

import com.serviceloop.standard.TargetUnit;
import java.math.BigDecimal;

/**
 * One question of a form version. In a published version {@code standardVersionId} and the target are
 * the standard's wording when the form was published, and stay so.
 */
public record FormItem(long id, long sectionId, Long standardId, Long standardVersionId, Long blueprintStepId,
                       String text, AnswerType answerType, BigDecimal targetValue, TargetUnit targetUnit,
                       BigDecimal weight, boolean critical, boolean naAllowed, boolean required, int sortOrder) {
}
