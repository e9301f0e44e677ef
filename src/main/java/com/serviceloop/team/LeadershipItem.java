package com.serviceloop.team;

/** An item of the questionnaire in the reader's language. */
public record LeadershipItem(int no, Principle principle, String principleName, String text) {
}
