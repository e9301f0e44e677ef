package com.serviceloop.team;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A job description as read: the latest saved version, or (versionNo 0, generated) a draft written
 * from the job's standards when none has been saved yet. needsReview lists the standards that got a
 * new version since.
 */
public record Description(long jobId, String jobName, String outletType, int versionNo, Long authorId,
                          String authorName, OffsetDateTime savedAt, boolean generated, JobDescription content,
                          List<ReviewFlag> needsReview) {

    /** A standard revised after the description was saved: its id and the version it is now at. */
    public record ReviewFlag(long standardId, int versionNo, OffsetDateTime flaggedAt) {
    }

    /** One saved version, for the history. */
    public record SavedVersion(int versionNo, Long authorId, String authorName, OffsetDateTime savedAt) {
    }
}
