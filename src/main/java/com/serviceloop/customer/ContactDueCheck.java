package com.serviceloop.customer;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Whether a customer is due under a rule on a day, and from which day: the rules of README's
 * "Contact plans" section, kept free of the database so that the worked examples test them alone.
 */
final class ContactDueCheck {
    /** A refill rhythm needs at least this many gaps (three visits) ... */
    static final int MIN_GAPS = 2;
    /** ... a mean gap of a week or more (more often is not a refill) ... */
    static final double MIN_MEAN_GAP_DAYS = 7;
    /** ... and gaps that spread (standard deviation) by at most half the mean. */
    static final double MAX_SPREAD_SHARE = 0.5;

    private ContactDueCheck() {
    }

    /**
     * The day the contact is due, or null when the customer is not due on {@code today}.
     *
     * @param group the customer's roster group on {@code today} (null: on no roster)
     * @param lastContact the latest contact recorded for the customer under this rule, if any
     */
    static LocalDate dueOn(ContactRule rule, ContactCandidates.Candidate c, RosterGroup group,
                           LocalDateTime lastContact, LocalDate today) {
        return switch (rule.kind()) {
            case THANK, ASK_LATENT -> group != rule.rosterGroup() ? null : periodic(rule, lastContact, today);
            case WIN_BACK -> group != rule.rosterGroup() ? null : winBack(rule, c, lastContact, today);
            case REFILL -> refill(rule, c, lastContact, today);
        };
    }

    /** Due when not contacted under the rule within the period (lead days before the period ends). */
    private static LocalDate periodic(ContactRule rule, LocalDateTime lastContact, LocalDate today) {
        if (lastContact == null) {
            return today;
        }
        LocalDate due = lastContact.toLocalDate().plusDays(rule.periodDays() - rule.leadDays());
        return due.isAfter(today) ? null : due;
    }

    /**
     * "Became lapsed" is approximated as the last visit plus the rule's lapse days; the customer is
     * due from lead days before that until the window closes, once per absence.
     */
    private static LocalDate winBack(ContactRule rule, ContactCandidates.Candidate c, LocalDateTime lastContact,
                                     LocalDate today) {
        if (c.lastVisit() == null || contactedSince(lastContact, c.lastVisit())) {
            return null;
        }
        LocalDate lapsedOn = c.lastVisit().toLocalDate().plusDays(rule.lapseDays());
        LocalDate due = lapsedOn.minusDays(rule.leadDays());
        return due.isAfter(today) || today.isAfter(lapsedOn.plusDays(rule.windowDays())) ? null : due;
    }

    /**
     * Next purchase expected at last visit + mean gap; due lead days before it, until twice the mean
     * gap has passed (by then it is an absence, not a refill), once per refill.
     */
    private static LocalDate refill(ContactRule rule, ContactCandidates.Candidate c, LocalDateTime lastContact,
                                    LocalDate today) {
        if (!regular(c) || contactedSince(lastContact, c.lastVisit())) {
            return null;
        }
        LocalDate last = c.lastVisit().toLocalDate();
        LocalDate due = last.plusDays(Math.round(c.meanGapDays()) - rule.leadDays());
        return due.isAfter(today) || today.isAfter(last.plusDays(Math.round(2 * c.meanGapDays()))) ? null : due;
    }

    static boolean regular(ContactCandidates.Candidate c) {
        return c.lastVisit() != null && c.gaps() >= MIN_GAPS && c.meanGapDays() != null
                && c.meanGapDays() >= MIN_MEAN_GAP_DAYS && c.gapSpreadDays() <= MAX_SPREAD_SHARE * c.meanGapDays();
    }

    private static boolean contactedSince(LocalDateTime lastContact, LocalDateTime lastVisit) {
        return lastContact != null && lastContact.isAfter(lastVisit);
    }
}
