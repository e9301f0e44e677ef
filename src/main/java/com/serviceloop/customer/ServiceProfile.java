package com.serviceloop.customer;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One version of a service profile. {@code outletId} is null for an outlet type's template.
 * {@code source} says where the shown content comes from: the outlet's own profile, the outlet
 * type's template (an outlet without its own), or nothing yet (version 0, empty content).
 */
public record ServiceProfile(String outletType, Long outletId, String outletName, Source source, int version,
                             String authorName, OffsetDateTime savedAt, ServiceProfileForm content) {

    public enum Source { OUTLET, TEMPLATE, NONE }

    /** The silhouette's factors, in the order of the weights (for the column heads of a page or print). */
    public List<String> factors() {
        return ProfileFigures.FACTORS;
    }

    /** One line of the version list. */
    public record Version(int version, String authorName, OffsetDateTime savedAt) {
    }
}
