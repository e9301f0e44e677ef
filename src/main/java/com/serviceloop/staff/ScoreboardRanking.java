package com.serviceloop.staff;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The fairness rules of a board, apart from any database: rank only those with enough events,
 * equal values share a rank (1, 2, 2, 4), show the top {@link #TOP} and the viewer's place with one
 * neighbour either side.
 */
final class ScoreboardRanking {
    static final int TOP = 3;

    private ScoreboardRanking() {
    }

    /** What a board is made of, apart from its rows. */
    record Frame(ScoreboardBoard.Level level, ScoreboardMeasure measure, long outletId, LocalDate from, LocalDate to,
                 int minEvents, boolean namesHidden) {
    }

    static ScoreboardBoard board(Frame frame, List<ScoreboardFigures> all, Long selfId) {
        ScoreboardMeasure m = frame.measure();
        Comparator<ScoreboardFigures> byValue = Comparator.comparing(m::value);
        List<ScoreboardFigures> eligible = new ArrayList<>(all.stream()
                .filter(f -> m.value(f) != null && m.events(f) >= frame.minEvents()).toList());
        eligible.sort((m.lowerIsBetter() ? byValue : byValue.reversed()).thenComparingLong(ScoreboardFigures::id));
        List<ScoreboardBoard.Entry> ranked = new ArrayList<>();
        int rank = 0;
        for (int i = 0; i < eligible.size(); i++) {
            ScoreboardFigures f = eligible.get(i);
            if (i == 0 || !m.value(f).equals(m.value(eligible.get(i - 1)))) {
                rank = i + 1;
            }
            ranked.add(entry(frame, f, rank, selfId));
        }
        List<ScoreboardBoard.Entry> top = ranked.subList(0, Math.min(TOP, ranked.size()));
        List<ScoreboardBoard.Entry> around = List.of();
        ScoreboardBoard.Entry self = null;
        ScoreboardBoard.SelfStatus status = ScoreboardBoard.SelfStatus.NOT_ON_BOARD;
        int at = -1;
        for (int i = 0; i < ranked.size(); i++) {
            if (ranked.get(i).self()) {
                at = i;
            }
        }
        if (at >= 0) {
            self = ranked.get(at);
            status = ScoreboardBoard.SelfStatus.RANKED;
            if (at >= TOP) {
                around = List.copyOf(ranked.subList(Math.max(TOP, at - 1), Math.min(ranked.size(), at + 2)));
            }
        } else if (selfId != null) {
            for (ScoreboardFigures f : all) {
                if (f.id() == selfId) {
                    self = entry(frame, f, null, selfId);
                    status = ScoreboardBoard.SelfStatus.NOT_ENOUGH_DATA;
                }
            }
        }
        return new ScoreboardBoard(frame.level(), m, frame.outletId(), frame.from(), frame.to(), frame.minEvents(),
                frame.namesHidden(), List.copyOf(top), around, self, status, ranked.size(), all.size() - ranked.size());
    }

    private static ScoreboardBoard.Entry entry(Frame frame, ScoreboardFigures f, Integer rank, Long selfId) {
        boolean self = selfId != null && f.id() == selfId;
        boolean shown = self || !frame.namesHidden();
        return new ScoreboardBoard.Entry(rank, shown ? f.id() : null, shown ? f.name() : null, frame.measure().value(f),
                frame.measure().events(f), self);
    }
}
