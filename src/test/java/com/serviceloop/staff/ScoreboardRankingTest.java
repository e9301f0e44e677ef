package com.serviceloop.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fairness rules with worked examples: a rate (not a count) ranks; equal rates share a rank;
 * fewer events than the minimum give "not enough data"; only the top 3 and the viewer's place with
 * a neighbour either side are shown; hidden names hide everyone but the viewer.
 */
class ScoreboardRankingTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 1);

    /** A person whose speed is onTime of due deadlines. */
    private static ScoreboardFigures speed(long id, int onTime, int due) {
        return ScoreboardFigures.of(id, "P" + id, 0, 0, 0, 0, 0, due, onTime, 0, BigDecimal.ZERO, 0);
    }

    private static ScoreboardRanking.Frame frame(ScoreboardMeasure m, int min, boolean hidden) {
        return new ScoreboardRanking.Frame(ScoreboardBoard.Level.PERSON, m, 1, DAY, DAY.plusDays(29), min, hidden);
    }

    @Test
    void aRateRanksNotACountAndEqualRatesShareARank() {
        // P1 met 190 of 200 deadlines (95.0 %), P2 only 30 of 30 (100 %): P2 is first although P1 met more
        // P3 and P4 both 90.0 % share rank 3; P5 (80.0 %) is fifth, not fourth
        List<ScoreboardFigures> all = List.of(speed(1, 190, 200), speed(2, 30, 30), speed(3, 27, 30), speed(4, 45, 50),
                speed(5, 24, 30));
        ScoreboardBoard b = ScoreboardRanking.board(frame(ScoreboardMeasure.SPEED, 20, false), all, 5L);
        assertThat(b.top()).extracting(ScoreboardBoard.Entry::id).containsExactly(2L, 1L, 3L);
        assertThat(b.top()).extracting(ScoreboardBoard.Entry::value).containsExactly(100.0, 95.0, 90.0);
        assertThat(b.top()).extracting(ScoreboardBoard.Entry::rank).containsExactly(1, 2, 3);
        // the viewer (P5) sees their own place and the neighbour above: P4 shares rank 3
        assertThat(b.around()).extracting(ScoreboardBoard.Entry::id).containsExactly(4L, 5L);
        assertThat(b.around()).extracting(ScoreboardBoard.Entry::rank).containsExactly(3, 5);
        assertThat(b.self().rank()).isEqualTo(5);
        assertThat(b.selfStatus()).isEqualTo(ScoreboardBoard.SelfStatus.RANKED);
    }

    @Test
    void fewerEventsThanTheMinimumGiveNotEnoughDataInsteadOfARank() {
        // P9 met 19 of 19 (100 %) but 19 < 20 events: not ranked, however good the rate
        List<ScoreboardFigures> all = List.of(speed(1, 18, 20), speed(9, 19, 19));
        ScoreboardBoard b = ScoreboardRanking.board(frame(ScoreboardMeasure.SPEED, 20, false), all, 9L);
        assertThat(b.top()).extracting(ScoreboardBoard.Entry::id).containsExactly(1L);
        assertThat(b.selfStatus()).isEqualTo(ScoreboardBoard.SelfStatus.NOT_ENOUGH_DATA);
        assertThat(b.self().rank()).isNull();
        assertThat(b.self().events()).isEqualTo(19);
        assertThat(b.ranked()).isEqualTo(1);
        assertThat(b.notEnoughData()).isEqualTo(1);
        // someone with no row at all is simply not on the board
        assertThat(ScoreboardRanking.board(frame(ScoreboardMeasure.SPEED, 20, false), all, 77L).selfStatus())
                .isEqualTo(ScoreboardBoard.SelfStatus.NOT_ON_BOARD);
    }

    @Test
    void neverTheWholeRankingOnlyTopThreeAndTheViewersNeighbours() {
        // ten people with 100 %, 99 %, ... 91 % of 100 deadlines; the viewer is seventh (94 %)
        List<ScoreboardFigures> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.add(speed(i + 1, 100 - i, 100));
        }
        ScoreboardBoard b = ScoreboardRanking.board(frame(ScoreboardMeasure.SPEED, 20, false), all, 7L);
        assertThat(b.top()).extracting(ScoreboardBoard.Entry::rank).containsExactly(1, 2, 3);
        assertThat(b.around()).extracting(ScoreboardBoard.Entry::rank).containsExactly(6, 7, 8);
        assertThat(b.top().size() + b.around().size()).isEqualTo(6);
        // fourth: the neighbour above is already in the top 3, so only 4 and 5 follow
        ScoreboardBoard fourth = ScoreboardRanking.board(frame(ScoreboardMeasure.SPEED, 20, false), all, 4L);
        assertThat(fourth.around()).extracting(ScoreboardBoard.Entry::rank).containsExactly(4, 5);
        // in the top 3: nothing more
        assertThat(ScoreboardRanking.board(frame(ScoreboardMeasure.SPEED, 20, false), all, 2L).around()).isEmpty();
    }

    @Test
    void hiddenNamesHideEveryoneButTheViewer() {
        List<ScoreboardFigures> all = List.of(speed(1, 30, 30), speed(2, 29, 30), speed(3, 28, 30), speed(4, 27, 30));
        ScoreboardBoard b = ScoreboardRanking.board(frame(ScoreboardMeasure.SPEED, 20, true), all, 4L);
        assertThat(b.top()).allSatisfy(e -> {
            assertThat(e.name()).isNull();
            assertThat(e.id()).isNull();
        });
        assertThat(b.self().name()).isEqualTo("P4");
        assertThat(b.around()).filteredOn(ScoreboardBoard.Entry::self).extracting(ScoreboardBoard.Entry::id).containsExactly(4L);
    }

    @Test
    void complaintShareRanksTheLowestFirst() {
        // P1: 2 complaints in 40 cases = 5.0 %; P2: 1 in 40 = 2.5 %; P2 is first
        List<ScoreboardFigures> all = List.of(ScoreboardFigures.of(1, "P1", 40, 0, 2, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0),
                ScoreboardFigures.of(2, "P2", 40, 0, 1, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0));
        ScoreboardBoard b = ScoreboardRanking.board(frame(ScoreboardMeasure.COMPLAINT_SHARE, 20, false), all, null);
        assertThat(b.top()).extracting(ScoreboardBoard.Entry::id).containsExactly(2L, 1L);
        assertThat(b.top()).extracting(ScoreboardBoard.Entry::value).containsExactly(2.5, 5.0);
        assertThat(b.self()).isNull();
    }

    @Test
    void figuresAreRatesOfTheirOwnEvents() {
        // 30 cases of which 3 praise and 2 complaints; 9 of 10 follow-up calls on time; 19 of 20 deadlines;
        // 4 survey responses scoring 100 + 75 + 50 + 100 = 325 → mean 81.3
        ScoreboardFigures f = ScoreboardFigures.of(1, "P", 30, 3, 2, 10, 9, 20, 19, 4, BigDecimal.valueOf(325), 2);
        assertThat(f.praiseShare()).isEqualTo(10.0);
        assertThat(f.complaintShare()).isEqualTo(6.7);
        assertThat(f.followUpOnTimeRate()).isEqualTo(90.0);
        assertThat(f.speedOnTimeRate()).isEqualTo(95.0);
        assertThat(f.surveyMean()).isEqualTo(81.3);
        assertThat(ScoreboardFigures.empty(2, "Q").speedOnTimeRate()).isNull();
    }
}
