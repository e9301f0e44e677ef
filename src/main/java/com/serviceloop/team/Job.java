package com.serviceloop.team;

import java.time.OffsetDateTime;
import java.util.List;

/** A role in the outlet, for one kind of outlet or (outletType null) for the whole chain, with the standards it keeps. */
public record Job(long id, String name, String outletType, List<Long> standardIds, OffsetDateTime createdAt,
                  int version, boolean needsReview, int holders) {
}
