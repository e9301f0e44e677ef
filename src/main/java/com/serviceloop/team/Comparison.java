package com.serviceloop.team;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Candidates of a job side by side: per standard area the mean of the interviewers' scores, and
 * overall the mean of those area means (each area counts once, however many interviewers scored it).
 */
public record Comparison(long jobId, List<String> areaCodes, List<CandidateRow> candidates) {

    public record CandidateRow(long candidateId, String name, Candidate.Status status, int interviewers,
                      Map<String, BigDecimal> areaMeans, BigDecimal overall) {
    }
}
