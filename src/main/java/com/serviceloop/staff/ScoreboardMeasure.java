package com.serviceloop.staff;

import java.util.function.ToIntFunction;

/**
 * The figures a board can rank by. Each is a rate over the person's (or team's) own events — never
 * a raw count, which would favour whoever worked most shifts — and the events are what the
 * minimum for a rank counts. Complaint share ranks the lowest first.
 */
public enum ScoreboardMeasure {
    SPEED(ScoreboardFigures::clocksDue, false),
    FOLLOW_UP(ScoreboardFigures::followUpsDue, false),
    SURVEY(ScoreboardFigures::surveyResponses, false),
    PRAISE_SHARE(ScoreboardFigures::casesOwned, false),
    COMPLAINT_SHARE(ScoreboardFigures::casesOwned, true);

    private final ToIntFunction<ScoreboardFigures> events;
    private final boolean lowerIsBetter;

    ScoreboardMeasure(ToIntFunction<ScoreboardFigures> events, boolean lowerIsBetter) {
        this.events = events;
        this.lowerIsBetter = lowerIsBetter;
    }

    public int events(ScoreboardFigures f) {
        return events.applyAsInt(f);
    }

    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    /** The figure's value, a percentage (survey: the mean score 0–100); null without events. */
    public Double value(ScoreboardFigures f) {
        return switch (this) {
            case SPEED -> f.speedOnTimeRate();
            case FOLLOW_UP -> f.followUpOnTimeRate();
            case SURVEY -> f.surveyMean();
            case PRAISE_SHARE -> f.praiseShare();
            case COMPLAINT_SHARE -> f.complaintShare();
        };
    }
}
