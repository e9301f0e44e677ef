package com.serviceloop.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A mystery-shopping programme: what it sets out to learn, the audit form whose items the shoppers check,
 * the scenarios they play, the window their visits fall in, the outlets and how many visits each gets a month.
 */
public record MysteryProgramme(long id, String name, String objectives, long formId, String formName, String outletType,
                               LocalDate windowFrom, LocalDate windowTo, int quotaPerMonth, int revisitMonths,
                               OffsetDateTime createdAt, int version, List<ProgrammeOutlet> outlets, List<MysteryScenario> scenarios) {

    public record ProgrammeOutlet(long id, String name) {
    }

    /** What the shopper asks for, what they say, and the objection they raise. */
    public record MysteryScenario(long id, String asksFor, String says, String objection) {
    }

    MysteryProgramme with(List<ProgrammeOutlet> outlets, List<MysteryScenario> scenarios) {
        return new MysteryProgramme(id, name, objectives, formId, formName, outletType, windowFrom, windowTo, quotaPerMonth,
                revisitMonths, createdAt, version, outlets, scenarios);
    }
}
