package com.serviceloop.audit;

import java.time.OffsetDateTime;

/** A photo or a signature on an audit item; the bytes live in the object store. */
public record Photo(long id, long auditId, long itemId, String contentType, int sizeBytes, long uploadedBy,
                    OffsetDateTime uploadedAt) {
}
