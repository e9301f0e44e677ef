package com.serviceloop.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * README's worked example of the gap rule. The shop assistant's job keeps standards 1 (greet), 2
 * (queue) and 3 (recommend); programme A teaches 1 and 2, programme B teaches 3 and 4. 王芳 passed A and
 * is still waiting for B's skill check; 李强 missed A's session; 张敏 (cashier, standard 2) passed A.
 */
class GapRuleTest {
    private static final List<GapRule.Holder> HOLDERS = List.of(
            new GapRule.Holder(1, "王芳", 10, "营业员", 100L, "人民路店"),
            new GapRule.Holder(2, "李强", 10, "营业员", 100L, "人民路店"),
            new GapRule.Holder(3, "张敏", 11, "收银员", 100L, "人民路店"),
            new GapRule.Holder(4, "赵磊", 11, "收银员", 200L, "中山路店"));
    private static final Map<Long, List<Long>> JOB_STANDARDS = Map.of(1L, List.of(1L, 2L, 3L), 2L, List.of(1L, 2L, 3L),
            3L, List.of(2L), 4L, List.of(2L));
    /** What a passed programme covers: A's standards for 王芳 and 张敏 (B is not passed yet). */
    private static final Map<Long, Set<Long>> COVERED = Map.of(1L, Set.of(1L, 2L), 3L, Set.of(1L, 2L));

    @Test
    void eachPersonLacksTheJobStandardsNoPassedProgrammeCovers() {
        List<TrainingGaps.PersonGap> people = GapRule.people(HOLDERS, JOB_STANDARDS, COVERED, id -> true);
        assertThat(people).extracting(TrainingGaps.PersonGap::missing)
                .containsExactly(List.of(3L), List.of(1L, 2L, 3L), List.of(), List.of(2L));
        assertThat(people.getFirst().standards()).isEqualTo(3);
        assertThat(people.getFirst().covered()).isEqualTo(2);

        TrainingGaps gaps = GapRule.summary(people);
        assertThat(gaps.people()).isEqualTo(4);
        assertThat(gaps.withGaps()).isEqualTo(3);
        assertThat(gaps.outlets()).containsExactly(new TrainingGaps.OutletRow(100L, "人民路店", 3, 2),
                new TrainingGaps.OutletRow(200L, "中山路店", 1, 1));
    }

    @Test
    void aRetiredStandardIsNoLongerAGap() {
        List<TrainingGaps.PersonGap> people = GapRule.people(HOLDERS, JOB_STANDARDS, COVERED, id -> id != 3L);
        assertThat(people.getFirst().missing()).isEmpty();
        assertThat(people.getFirst().standards()).isEqualTo(2);
        assertThat(people.get(1).missing()).containsExactly(1L, 2L);
    }

    @Test
    void peopleAboveTheOutletsAreAGroupOfTheirOwn() {
        TrainingGaps gaps = GapRule.summary(GapRule.people(List.of(new GapRule.Holder(5, "质量经理", 12, "督导", null, null)),
                Map.of(5L, List.of(1L)), Map.of(), id -> true));
        assertThat(gaps.outlets()).containsExactly(new TrainingGaps.OutletRow(null, null, 1, 1));
    }
}
