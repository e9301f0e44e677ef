package com.serviceloop.customer;

import com.serviceloop.platform.OutletScope;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * How customers see an outlet, as the survey module measures it (it implements this; customer
 * cannot depend on survey, which depends on customer through casework).
 */
public interface OutletPerceptions {
    /** The SERVQUAL instrument's answer scale. */
    int SCALE_MIN = 1;
    int SCALE_MAX = 7;

    /**
     * Mean SERVQUAL perception per dimension (keys are {@link ServqualDimension} names) from the
     * answers given at one outlet within the scope; empty when there are none.
     */
    Optional<Map<String, BigDecimal>> perceptionByDimension(OutletScope scope, long outletId);
}
