package com.serviceloop.team;

import java.time.OffsetDateTime;
import java.util.List;

/** A training programme (course) for one kind of outlet or (outletType null) the whole chain, with the standards it teaches. */
public record Programme(long id, String name, String outletType, String description, List<Long> standardIds,
                        OffsetDateTime createdAt, int version) {
}
