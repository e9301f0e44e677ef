package com.serviceloop.team;

import java.time.LocalDate;
import java.util.List;

/** A person's training: the sessions they were in with the three results, and (with a job) what they still lack. */
public record TrainingRecord(long personId, String displayName, Long outletId, TrainingGaps.PersonGap gap,
                             List<Row> sessions) {

    /** A session the person was in, newest first. */
    public record Row(long sessionId, long programmeId, String programmeName, LocalDate heldOn, long outletId,
                      String outletName, Boolean attended, LocalDate attendedOn, Boolean knowledgePassed,
                      LocalDate knowledgeOn, Boolean skillPassed, LocalDate skillOn, boolean passed) {
    }
}
