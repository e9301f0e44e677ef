package com.serviceloop.survey;

import java.time.OffsetDateTime;

public record SurveyLink(String token, long surveyId, Long outletId, String channel, Long customerId, boolean singleUse,
                         OffsetDateTime usedAt, boolean active, OffsetDateTime createdAt) {
}
