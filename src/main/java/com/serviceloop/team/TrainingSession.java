package com.serviceloop.team;

import java.time.LocalDate;
import java.util.List;

/** A session of a programme held in an outlet, with its trainer and each attendee's results. */
public record TrainingSession(long id, long programmeId, String programmeName, long outletId, String outletName,
                              LocalDate heldOn, long trainerId, String trainerName, String note, int version,
                              List<Attendee> attendees) {

    /**
     * An attendee and the three results, each null until recorded, then yes or no with its day;
     * passed when all three are yes.
     */
    public record Attendee(long personId, String displayName, Long outletId, Boolean attended, LocalDate attendedOn,
                           Boolean knowledgePassed, LocalDate knowledgeOn, Boolean skillPassed, LocalDate skillOn,
                           boolean passed) {
    }

    /** A line of a session list: who ran it where and when, how many attended and passed. */
    public record Line(long id, long programmeId, String programmeName, long outletId, String outletName,
                       LocalDate heldOn, String trainerName, int attendees, int passed) {
    }
}
