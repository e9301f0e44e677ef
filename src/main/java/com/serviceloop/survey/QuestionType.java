package com.serviceloop.survey;

/** Answer kinds: rating scales, one or several choices, free text, and points shared out of 100. */
public enum QuestionType {
    SCALE_5(1, 5), SCALE_7(1, 7), SCALE_10(0, 10), SINGLE(0, 0), MULTI(0, 0), TEXT(0, 0), POINTS(0, 100);

    private final int min;
    private final int max;

    QuestionType(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean isScale() {
        return this == SCALE_5 || this == SCALE_7 || this == SCALE_10;
    }

    public boolean isNumeric() {
        return isScale() || this == POINTS;
    }
}
