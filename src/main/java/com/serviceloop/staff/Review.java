package com.serviceloop.staff;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A performance review as its readers see it: the period's figures gathered when it was prepared,
 * both assessments against the job's standards, the discussion with its goals, and the goals of the
 * review before, to be checked in this one. Stage: PREPARE, DISCUSS (both have assessed), FOLLOW_UP (discussed).
 */
public record Review(long id, long personId, String personName, Long outletId, LocalDate periodFrom, LocalDate periodTo,
                     String stage, Long jobId, Figures figures, Map<String, Number> extraFigures, String selfNote,
                     String managerNote, String meetingNotes, String strengths, LocalDate discussedOn, int version,
                     List<StandardRef> standards, List<Rating> ratings, List<Goal> goals, List<Goal> toCheck) {

    /** Cases the person owned in the period and their clocks, praise and complaints; the outlet's audits; training. */
    public record Figures(long casesOwned, long clocksDue, long clocksOnTime, Double onTimeRate, long praise,
                          long complaints, long audits, BigDecimal auditScore, long sessions, long sessionsPassed,
                          long standardsMissing) {
    }

    /** A standard of the person's job, by its behaviour text. */
    public record StandardRef(long id, String behaviour) {
    }

    public record Rating(String side, long standardId, int rating) {
    }

    public record Goal(long id, long reviewId, Long standardId, String text, LocalDate dueOn, String outcome) {
    }

    /** The rating one side gave a standard, or null. */
    public Integer rating(String side, long standardId) {
        return ratings.stream().filter(r -> r.side().equals(side) && r.standardId() == standardId).findFirst()
                .map(Rating::rating).orElse(null);
    }
}
