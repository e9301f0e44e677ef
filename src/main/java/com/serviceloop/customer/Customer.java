package com.serviceloop.customer;

import java.time.OffsetDateTime;

public record Customer(long id, String memberNo, String name, String phone, String email, long homeOutletId,
                       String homeOutletName, Gender gender, AgeBand ageBand, IncomeBand incomeBand,
                       Education education, SocialClass socialClass, String valuesNote, String attitudes,
                       String habits, String preferences, String expectations, Integer wouldRecommend,
                       boolean consentContact, boolean consentSurvey, boolean consentAnalysis,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt, int version) {

    public enum Gender { FEMALE, MALE, OTHER }

    public enum AgeBand { UNDER_18, AGE_18_24, AGE_25_34, AGE_35_44, AGE_45_54, AGE_55_64, AGE_65_PLUS }

    public enum IncomeBand { LOW, LOWER_MIDDLE, MIDDLE, UPPER_MIDDLE, HIGH }

    public enum Education { PRIMARY, SECONDARY, VOCATIONAL, BACHELOR, POSTGRADUATE }

    public enum SocialClass { WORKING, LOWER_MIDDLE, MIDDLE, UPPER_MIDDLE, UPPER }
}
