package com.serviceloop.casework;

import java.time.LocalDate;

/**
 * Which cases a list shows: a queue (mine, my team's, overdue, due soon, or all in scope), then
 * optional filters (the topic by its code) and a free-text search over description, remedy, customer
 * name and phone.
 */
public record CaseFilter(Queue queue, CaseStatus status, CaseType caseType, Severity severity, Long outletId,
                         Boolean problem, Boolean open, String q, LocalDate from, LocalDate to, String topic) {

    public enum Queue { ALL, MINE, TEAM, OVERDUE, DUE_SOON }

    public static CaseFilter queue(Queue queue) {
        return new CaseFilter(queue, null, null, null, null, null, null, null, null, null, null);
    }

    public Queue queueOrAll() {
        return queue == null ? Queue.ALL : queue;
    }
}
