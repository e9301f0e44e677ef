package com.serviceloop.survey;

import java.util.Arrays;
import java.util.List;

/**
 * The kinds of survey. A survey stores its kind by name (in the database, the API and the library
 * files), and {@link Survey#kind()} stays a string, so a kind added by a library file alone still
 * loads. An own survey takes a choosable kind; the others come with a built-in instrument, and an
 * own survey has one only as a copy of that instrument, whose items it keeps.
 */
enum SurveyKind {
    CUSTOM(true), SATISFACTION(true), RECOMMEND(true), COMPLAINT_RESOLUTION(true), INTERNAL(true), SUGGESTION(true),
    SERVQUAL(false), GAP_MANAGEMENT(false), GAP_STAFF(false), CLIMATE(false);

    /** By name, in the order the designer offers them. */
    static final List<String> CHOOSABLE = Arrays.stream(values()).filter(k -> k.choosable).map(Enum::name).toList();

    private final boolean choosable;

    SurveyKind(boolean choosable) {
        this.choosable = choosable;
    }

    /** Whether a stored or sent kind is this one. */
    boolean is(String kind) {
        return name().equals(kind);
    }
}
