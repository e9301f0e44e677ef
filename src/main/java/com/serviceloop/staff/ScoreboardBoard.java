package com.serviceloop.staff;

import java.time.LocalDate;
import java.util.List;

/**
 * A fairness-limited board: the top few and the viewer's own place with a neighbour either side,
 * never the whole ranking. Those with fewer events than the chain's minimum are not ranked
 * ("not enough data"); with names hidden, staff see other entries without name or id.
 */
public record ScoreboardBoard(Level level, ScoreboardMeasure measure, long outletId, LocalDate from, LocalDate to,
                              int minEvents, boolean namesHidden, List<Entry> top, List<Entry> around, Entry self,
                              SelfStatus selfStatus, int ranked, int notEnoughData) {

    public enum Level { PERSON, TEAM }

    /** The viewer's own standing: ranked, too few events to rank, or not on this board at all. */
    public enum SelfStatus { RANKED, NOT_ENOUGH_DATA, NOT_ON_BOARD }

    /** One line; rank null when not ranked; id and name null when hidden from the viewer. */
    public record Entry(Integer rank, Long id, String name, Double value, int events, boolean self) {
    }
}
