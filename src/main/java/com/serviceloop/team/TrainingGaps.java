package com.serviceloop.team;

import java.util.List;

/**
 * What the people of the caller's outlets still lack for their jobs: per outlet how many hold a job
 * and how many of them have a gap, and per person the standards missing.
 */
public record TrainingGaps(int people, int withGaps, List<OutletRow> outlets, List<PersonGap> persons) {

    /** An outlet (null: people above the outlets) with how many hold a job there and how many of them lack something. */
    public record OutletRow(Long outletId, String outletName, int people, int withGaps) {
    }

    /**
     * A job holder: the job's standards in force, how many of them a passed programme covers, and the
     * ones still missing, in the job's order.
     */
    public record PersonGap(long personId, String displayName, long jobId, String jobName, Long outletId,
                            String outletName, int standards, int covered, List<Long> missing) {
        public boolean hasGap() {
            return !missing.isEmpty();
        }
    }
}
