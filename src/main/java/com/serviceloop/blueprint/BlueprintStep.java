package com.serviceloop.blueprint;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * One step of a service: what the customer does, what staff do in view (front stage) and out of
 * view (back stage), what supports them, and how the step is kept to a standard. {@code satisfaction}
 * is the figure in use: the mean score of the audited items of the step over the recent audits where
 * there are any ({@code auditItems} of them), else the figure entered by hand ({@code enteredSatisfaction}).
 */
public record BlueprintStep(long id, long blueprintId, int stepNo, String name, String customerAction,
                            String frontStage, String backStage, String support, String touchPoints,
                            Integer timeStandardSecs, String doList, String dontList, String checkPoints,
                            String ownerRole, BigDecimal satisfaction, BigDecimal enteredSatisfaction,
                            Integer auditItems) {

    /** Where {@code satisfaction} comes from: AUDIT, MANUAL, or null when there is none yet. */
    public String getSource() {
        return auditItems != null && auditItems > 0 ? "AUDIT" : satisfaction == null ? null : "MANUAL";
    }

    public List<String> getDos() {
        return lines(doList);
    }

    public List<String> getDonts() {
        return lines(dontList);
    }

    static List<String> lines(String s) {
        return s == null ? List.of() : Arrays.stream(s.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
