package com.serviceloop.casework;

import java.time.OffsetDateTime;

/** A clock as stored; due is null while the clock is paused. */
public record CaseClock(SlaKind clockKind, OffsetDateTime startedAt, OffsetDateTime dueAt, OffsetDateTime stoppedAt) {
}
