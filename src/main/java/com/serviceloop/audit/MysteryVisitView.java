package com.serviceloop.audit;

import java.util.List;

/** A visit as its reviewer reads it: the scenario played, the answers, the scores by the audit rules, the debrief. */
public record MysteryVisitView(MysteryVisit visit, MysteryProgramme.MysteryScenario scenario, FormVersion form,
                               List<Answer> answers, int required, int requiredAnswered, Scorecard scorecard,
                               MysteryDebrief debrief) {
}
