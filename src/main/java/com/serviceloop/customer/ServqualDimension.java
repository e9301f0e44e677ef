package com.serviceloop.customer;

/**
 * The five SERVQUAL dimensions by name, so that a customer need can point at one without this
 * module depending on the survey module (which owns the instrument and speaks the same names).
 */
public enum ServqualDimension {
    TANGIBLES, RELIABILITY, RESPONSIVENESS, ASSURANCE, EMPATHY
}
