package com.serviceloop.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What the outlet team heard after a mystery visit, and what they agreed to do. */
public record MysteryDebrief(long visitId, LocalDate heldOn, String wentWell, String toImprove, String actions, String attendees,
                      String recordedByName, OffsetDateTime recordedAt) {
}
