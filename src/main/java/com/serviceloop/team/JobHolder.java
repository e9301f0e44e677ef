package com.serviceloop.team;

import java.time.OffsetDateTime;

/** A person holding a job, with the outlet they work in (null for people above the outlets). */
public record JobHolder(long personId, String displayName, long jobId, Long outletId, OffsetDateTime assignedAt) {
}
