package com.serviceloop.customer;

/** What customers want from a visit, after the decks' list of needs; the team rates how well it meets each. */
public enum CustomerNeed {
    WELCOME, RESPECT, TIME, HELP, INFORMATION, COMFORT, INDIVIDUAL, BENEFIT
}
