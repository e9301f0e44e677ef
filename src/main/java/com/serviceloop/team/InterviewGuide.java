package com.serviceloop.team;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A structured interview for a job: open questions per standard area, asked of every candidate in
 * the same order, each with a follow-up prompt for the moment the answer reaches a choice point.
 * Before the first save (version 0, generated) it is written from the job's standard areas.
 */
public record InterviewGuide(long jobId, String jobName, int version, boolean generated, OffsetDateTime savedAt,
                             List<GuideQuestion> questions) {

    /** One question; followUp is what to ask when the candidate names a choice they made. */
    public record GuideQuestion(@NotBlank @Size(max = 32) String areaCode, @NotBlank @Size(max = 1000) String question,
                           @Size(max = 1000) String followUp) {
    }
}
