package com.serviceloop.staff;

import java.time.LocalDate;
import java.util.Map;

/**
 * More figures a review's preparation shows, from features that come later (the scoreboards): each
 * bean adds named counts for the person and period. Shown when the review is read, not stored.
 */
public interface ReviewExtraFigures {
    Map<String, Number> forPerson(long personId, LocalDate from, LocalDate to);
}
