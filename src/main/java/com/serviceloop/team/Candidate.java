package com.serviceloop.team;

import java.time.OffsetDateTime;

/** An applicant for a job at an outlet (not a customer); name and contact are null once anonymised. */
public record Candidate(long id, long jobId, long outletId, String name, String contact, Status status,
                        OffsetDateTime createdAt, OffsetDateTime anonymisedAt) {

    public enum Status { APPLIED, INTERVIEWED, OFFERED, HIRED, DECLINED }
}
