package com.serviceloop.customer;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One customer on an outlet's roster, with the reason they are on it: visits in the last twelve
 * months and in the twelve before, the last visit and the recommendation score. Phone and email
 * are null for readers who do not serve customers (auditors); link is the customer's page.
 */
public record RosterEntry(long customerId, String memberNo, String name, String phone, String email,
                          RosterGroup rosterGroup, FrequencyTier tier, LoyaltyClass loyalty, int visits365,
                          int visitsPrev365, LocalDateTime lastVisitAt, Integer wouldRecommend,
                          BigDecimal customerValue, BigDecimal meanGapDays, String link) {
}
