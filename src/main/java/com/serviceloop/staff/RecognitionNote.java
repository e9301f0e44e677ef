package com.serviceloop.staff;

import java.time.OffsetDateTime;

/** A recognition note as the recipient, the wall and the API show it. */
public record RecognitionNote(long id, long outletId, String outletName, Long personId, String personName, Long teamId,
                              String teamName, long writerId, String writerName, String text, Long standardId,
                              Long stepId, RecognitionLink sourceKind, Long sourceId, OffsetDateTime writtenAt) {
}
