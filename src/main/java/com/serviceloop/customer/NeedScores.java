package com.serviceloop.customer;

import com.serviceloop.platform.OutletScope;
import java.math.BigDecimal;
import java.util.Optional;

/** The customers' own mean answer to one survey question at one outlet (implemented by the survey module). */
public interface NeedScores {

    /** A mean on the question's own scale, with the scale's ends so that it can be put on 1 to 5. */
    record Score(BigDecimal mean, int scaleMin, int scaleMax, long answers) {
    }

    /** Empty when the question is unknown, not a rating scale, or has no answers at that outlet. */
    Optional<Score> questionScore(OutletScope scope, long outletId, long questionId);
}
