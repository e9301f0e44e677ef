package com.serviceloop.survey;

/**
 * The areas of the service climate survey, in the order the instrument asks them. A climate
 * question stores its area in {@code survey_question.side}, as the five-gap instruments store theirs.
 */
public enum ClimateDimension {
    AWAY, AUTHORITY, RESOURCES, RECOGNITION, TEAMWORK, LEADERSHIP, VOICE
}
