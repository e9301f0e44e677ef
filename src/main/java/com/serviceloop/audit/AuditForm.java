package com.serviceloop.audit;

import java.time.OffsetDateTime;

/** An audit form of one outlet type; {@code publishedVersionNo} is what new audits use (null: never published). */
public record AuditForm(long id, String outletType, String name, Integer publishedVersionNo, boolean hasDraft,
                        OffsetDateTime createdAt, int version) {
}
