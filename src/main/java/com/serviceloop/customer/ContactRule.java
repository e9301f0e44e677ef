package com.serviceloop.customer;

/** A stored contact rule; {@code outletId} null means chain-wide, {@code assigneeId} null the outlet's staff. */
public record ContactRule(long id, Long outletId, String outletName, String name, ContactKind kind,
                          RosterGroup rosterGroup, Integer periodDays, int leadDays, Integer lapseDays,
                          Integer windowDays, Long assigneeId, String assigneeName, boolean active, int version) {
}
