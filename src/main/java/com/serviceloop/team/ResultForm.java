package com.serviceloop.team;

import com.serviceloop.platform.BadInputException;
import java.time.LocalDate;

/**
 * An attendee's three results as a manager records them: attended, passed the knowledge check,
 * passed the skill check observed on the job. Each is null (not recorded), true or false, with the
 * day it was established.
 */
public record ResultForm(Boolean attended, LocalDate attendedOn, Boolean knowledgePassed, LocalDate knowledgeOn,
                         Boolean skillPassed, LocalDate skillOn) {

    /**
     * The results as stored: a day only beside a recorded result, by default the session's day
     * (attendance, knowledge check) or today (the skill check is observed later, on the job). A check
     * needs attendance; no day lies before the session or after today.
     */
    ResultForm checked(LocalDate heldOn, LocalDate today) {
        boolean any = attended != null || knowledgePassed != null || skillPassed != null;
        if (any && heldOn.isAfter(today)) {
            throw BadInputException.of("attended", "error.training.notHeldYet", heldOn.toString());
        }
        if (!Boolean.TRUE.equals(attended)) {
            if (knowledgePassed != null) {
                throw BadInputException.of("knowledgePassed", "error.training.needsAttendance");
            }
            if (skillPassed != null) {
                throw BadInputException.of("skillPassed", "error.training.needsAttendance");
            }
        }
        return new ResultForm(attended, day("attendedOn", attended, attendedOn, heldOn, heldOn, today),
                knowledgePassed, day("knowledgeOn", knowledgePassed, knowledgeOn, heldOn, heldOn, today),
                skillPassed, day("skillOn", skillPassed, skillOn, today, heldOn, today));
    }

    private static LocalDate day(String field, Boolean result, LocalDate given, LocalDate fallback, LocalDate heldOn,
                                 LocalDate today) {
        if (result == null) {
            return null;
        }
        LocalDate d = given == null ? fallback : given;
        if (d.isBefore(heldOn) || d.isAfter(today)) {
            throw BadInputException.of(field, "error.training.resultDay", d.toString(), heldOn.toString(),
                    today.toString());
        }
        return d;
    }

    boolean passed() {
        return Boolean.TRUE.equals(attended) && Boolean.TRUE.equals(knowledgePassed) && Boolean.TRUE.equals(skillPassed);
    }
}
