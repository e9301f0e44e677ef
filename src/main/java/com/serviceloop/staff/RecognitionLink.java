package com.serviceloop.staff;

/** What a recognition note may point at: a (praise) case, a survey response with its comment, an audit. */
public enum RecognitionLink {
    CASE, SURVEY_RESPONSE, AUDIT
}
