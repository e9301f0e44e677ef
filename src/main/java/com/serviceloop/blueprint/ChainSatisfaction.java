package com.serviceloop.blueprint;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * End-to-end satisfaction of a service is the product of its steps' satisfaction: a customer is
 * pleased at the end only if every step pleased them. Ten steps at 95 % each leave about 60 %.
 * Steps without a figure yet are left out and counted, so the result is never silently flattered.
 */
public record ChainSatisfaction(BigDecimal endToEnd, int stepsMeasured, int stepsMissing, Long weakestStepId,
                                String weakestStepName, BigDecimal weakestSatisfaction) {

    public static ChainSatisfaction of(List<BlueprintStep> steps) {
        BigDecimal product = BigDecimal.ONE;
        int measured = 0;
        BlueprintStep weakest = null;
        for (BlueprintStep s : steps) {
            if (s.satisfaction() == null) {
                continue;
            }
            measured++;
            product = product.multiply(s.satisfaction(), MathContext.DECIMAL64);
            if (weakest == null || s.satisfaction().compareTo(weakest.satisfaction()) < 0) {
                weakest = s;
            }
        }
        return new ChainSatisfaction(measured == 0 ? null : product.setScale(4, RoundingMode.HALF_UP), measured,
                steps.size() - measured, weakest == null ? null : weakest.id(), weakest == null ? null : weakest.name(),
                weakest == null ? null : weakest.satisfaction());
    }
}
