package com.serviceloop.organisation;

import java.time.OffsetDateTime;

public record ApiToken(long id, String name, String tokenPrefix, long personId, String personName,
                       OffsetDateTime createdAt, OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {
}
