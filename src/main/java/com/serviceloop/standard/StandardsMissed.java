package com.serviceloop.standard;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Published in the recording transaction when observations of standards were not met, so that whoever counts
 * failures (the SQI) can count them in the same transaction; one event per batch keeps a history import set-based.
 */
public record StandardsMissed(List<Miss> misses) {

    /** {@code behaviour} is the wording of the version that was missed, as the chain wrote it. */
    public record Miss(long measurementId, long standardId, long outletId, OffsetDateTime at, String source,
                       String behaviour) {
    }
}
