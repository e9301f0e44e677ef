package com.serviceloop.team;

import java.math.BigDecimal;
import java.util.List;

/**
 * A round's strengths-and-weaknesses map: per principle and per item, the leader's own score beside
 * the others' mean. The others' figures are null until at least {@link #minimum} answers are counted
 * in; until then only {@link #answered} says anything about them.
 *
 * @param answered invitations answered so far
 * @param counted  answers inside the means: they join three at a time, so it can trail answered by up to two
 */
public record LeadershipResult(long roundId, int answered, int counted, int minimum, boolean othersShown,
                               boolean selfRated, List<PrincipleResult> principles, List<ItemResult> items,
                               List<Principle> strengths, List<Principle> weaknesses) {

    /** Self and others per principle (means of its four items, two decimals); gap = self − others. */
    public record PrincipleResult(Principle principle, int level, String name, BigDecimal self, BigDecimal others,
                               BigDecimal gap, boolean strength, boolean weakness) {
    }

    public record ItemResult(int no, Principle principle, String text, Integer self, BigDecimal others) {
    }
}
