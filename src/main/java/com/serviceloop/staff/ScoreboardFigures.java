package com.serviceloop.staff;

import java.math.BigDecimal;

/**
 * One person's or team's figures over a period, from the rollup. Shares are per case owned (visits
 * do not record who served, so no figure can be per customer served); rates are percentages with
 * one decimal, null when there is nothing to divide by.
 */
public record ScoreboardFigures(long id, String name, int casesOwned, int praise, int complaints, Double praiseShare,
                                Double complaintShare, int followUpsDue, int followUpsOnTime, Double followUpOnTimeRate,
                                int clocksDue, int clocksOnTime, Double speedOnTimeRate, int surveyResponses,
                                Double surveyMean, int recognitions) {

    /** Figures from the sums of the rollup's columns. */
    static ScoreboardFigures of(long id, String name, int casesOwned, int praise, int complaints, int followUpsDue,
                                int followUpsOnTime, int clocksDue, int clocksOnTime, int surveyResponses,
                                BigDecimal surveySum, int recognitions) {
        return new ScoreboardFigures(id, name, casesOwned, praise, complaints, percent(praise, casesOwned),
                percent(complaints, casesOwned), followUpsDue, followUpsOnTime, percent(followUpsOnTime, followUpsDue),
                clocksDue, clocksOnTime, percent(clocksOnTime, clocksDue), surveyResponses,
                surveyResponses == 0 ? null : round(surveySum.doubleValue() / surveyResponses), recognitions);
    }

    static Double percent(int part, int whole) {
        return whole == 0 ? null : round(part * 100.0 / whole);
    }

    static Double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static ScoreboardFigures empty(long id, String name) {
        return of(id, name, 0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0);
    }

    ScoreboardFigures plusRecognitions(int more) {
        return new ScoreboardFigures(id, name, casesOwned, praise, complaints, praiseShare, complaintShare, followUpsDue,
                followUpsOnTime, followUpOnTimeRate, clocksDue, clocksOnTime, speedOnTimeRate, surveyResponses, surveyMean,
                recognitions + more);
    }
}
