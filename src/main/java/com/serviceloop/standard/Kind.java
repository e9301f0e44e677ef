package com.serviceloop.standard;

/** Hard standards are counted or timed; soft standards are measured by asking customers. */
public enum Kind {
    HARD, SOFT
}
