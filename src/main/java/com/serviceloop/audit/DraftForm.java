package com.serviceloop.audit;

import com.serviceloop.standard.TargetUnit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * The whole draft of a form as the author leaves it: sections and items in the order given (dropping,
 * reordering and adding are all one save). {@code version} guards against a lost update.
 */
public record DraftForm(@NotBlank @Size(max = 200) String name,
                        @NotNull @Size(max = 14) List<@Valid @NotNull Section> sections,
                        Integer version) {

    public record Section(@NotBlank @Size(max = 32) String areaCode,
                          @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal weight,
                          @NotNull @Size(max = 100) List<@Valid @NotNull Item> items) {
    }

    /**
     * An item from a standard ({@code text} may reword it; the target is the standard's) or one of the author's own
     * ({@code text} required; a MEASURED one needs {@code targetValue} and {@code targetUnit}).
     */
    public record Item(@Positive Long standardId, @Size(max = 500) String text, @NotNull AnswerType answerType,
                       @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal weight, @NotNull Boolean critical,
                       @NotNull Boolean naAllowed, @NotNull Boolean required,
                       @DecimalMin("0") @DecimalMax("9999999999.99") BigDecimal targetValue, TargetUnit targetUnit) {

        /** An item without a target of its own. */
        public Item(Long standardId, String text, AnswerType answerType, BigDecimal weight, Boolean critical,
                    Boolean naAllowed, Boolean required) {
            this(standardId, text, answerType, weight, critical, naAllowed, required, null, null);
        }
    }
}
