package com.serviceloop.casework;

/** The three clocks of a case, each with its own target from the timeliness standards. */
public enum SlaKind {
    FIRST_RESPONSE, RESOLUTION, FOLLOW_UP
}
