package com.serviceloop.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateComparisonTest {
    private static Candidate candidate(long id, String name) {
        return new Candidate(id, 1, 1, name, null, Candidate.Status.INTERVIEWED, OffsetDateTime.now(), null);
    }

    private static SelectionRepository.Score score(long candidate, long interviewer, String area, int value) {
        return new SelectionRepository.Score(candidate, interviewer, "I" + interviewer, area, value, null);
    }

    @Test
    void areaMeansOverInterviewersThenOverallOverAreas() {
        // 王芳: timeliness (4 + 3 + 5) / 3 = 4.00; attitude (5 + 4) / 2 = 4.50; overall (4.00 + 4.50) / 2 = 4.25
        // 李强: timeliness 2 / 1 = 2.00; tact (only scored area outside the job's) 3 / 1 = 3.00;
        //       overall (2.00 + 3.00) / 2 = 2.50; 赵敏 has no scores: no overall
        Comparison c = CandidateComparison.of(7, List.of("TIMELINESS", "ATTITUDE"),
                List.of(candidate(1, "王芳"), candidate(2, "李强"), candidate(3, "赵敏")),
                List.of(score(1, 10, "TIMELINESS", 4), score(1, 11, "TIMELINESS", 3), score(1, 12, "TIMELINESS", 5),
                        score(1, 10, "ATTITUDE", 5), score(1, 11, "ATTITUDE", 4),
                        score(2, 10, "TIMELINESS", 2), score(2, 10, "TACT", 3)));
        assertThat(c.areaCodes()).containsExactly("TIMELINESS", "ATTITUDE", "TACT");
        Comparison.CandidateRow wang = c.candidates().get(0);
        assertThat(wang.areaMeans().get("TIMELINESS")).isEqualByComparingTo("4.00");
        assertThat(wang.areaMeans().get("ATTITUDE")).isEqualByComparingTo("4.50");
        assertThat(wang.overall()).isEqualByComparingTo("4.25");
        assertThat(wang.interviewers()).isEqualTo(3);
        Comparison.CandidateRow li = c.candidates().get(1);
        assertThat(li.overall()).isEqualByComparingTo("2.50");
        assertThat(li.interviewers()).isEqualTo(1);
        assertThat(c.candidates().get(2).overall()).isNull();
        assertThat(c.candidates().get(2).areaMeans()).isEmpty();
    }

    @Test
    void meansRoundHalfUpToTwoDecimals() {
        // (4 + 4 + 5) / 3 = 4.333… → 4.33; (5 + 5 + 4) / 3 = 4.666… → 4.67; overall (4.33 + 4.67) / 2 = 4.50
        Comparison c = CandidateComparison.of(7, List.of("FLOW", "TACT"), List.of(candidate(1, "王芳")),
                List.of(score(1, 1, "FLOW", 4), score(1, 2, "FLOW", 4), score(1, 3, "FLOW", 5),
                        score(1, 1, "TACT", 5), score(1, 2, "TACT", 5), score(1, 3, "TACT", 4)));
        assertThat(c.candidates().getFirst().areaMeans().get("FLOW")).isEqualByComparingTo("4.33");
        assertThat(c.candidates().getFirst().areaMeans().get("TACT")).isEqualByComparingTo("4.67");
        assertThat(c.candidates().getFirst().overall()).isEqualByComparingTo("4.50");
    }
}
