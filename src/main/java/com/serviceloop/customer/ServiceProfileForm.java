package com.serviceloop.customer;

import com.serviceloop.customer.Customer.AgeBand;
import com.serviceloop.customer.Customer.Education;
import com.serviceloop.customer.Customer.IncomeBand;
import com.serviceloop.customer.Customer.SocialClass;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The whole content of a service profile, as a PUT sends it and as each version stores it. Target
 * customers are the intended bands (not shares); lists may be empty. {@code version} is the version
 * the editor read (0 for the first save): a save on top of a newer one is refused with 409.
 */
public record ServiceProfileForm(
        @Size(max = 2000) String statement,
        @Size(max = 1000) String tradeArea,
        @Size(max = 7) List<@NotNull AgeBand> targetAgeBands,
        @Size(max = 5) List<@NotNull IncomeBand> targetIncomeBands,
        @Size(max = 5) List<@NotNull Education> targetEducations,
        @Size(max = 5) List<@NotNull SocialClass> targetSocialClasses,
        @Size(max = 9) List<@Valid @NotNull Characteristic> characteristics,
        @Size(max = 4) List<@Valid @NotNull SilhouetteRow> silhouette,
        @Size(max = 8) List<@Valid @NotNull NeedRating> needs,
        @Min(0) @Max(1_000_000) Integer version) {

    /** One of the nine characteristics, 1 (low) to 5 (high), with a note on why. */
    public record Characteristic(@NotNull ServiceCharacteristic code, @NotNull @Min(1) @Max(5) Integer score,
                                 @Size(max = 500) String note) {
    }

    /** How much each factor of the service silhouette weighs for one frequency tier, 0 (not at all) to 5. */
    public record SilhouetteRow(@NotNull FrequencyTier tier, @NotNull @Min(0) @Max(5) Integer purpose,
                                @NotNull @Min(0) @Max(5) Integer cost, @NotNull @Min(0) @Max(5) Integer necessity,
                                @NotNull @Min(0) @Max(5) Integer risk, @NotNull @Min(0) @Max(5) Integer result) {

        public List<Integer> weights() {
            return List.of(purpose, cost, necessity, risk, result);
        }
    }

    /**
     * The team's rating of how well the outlet meets one need, 1 to 5; optionally mapped to a survey
     * question (by id) or to a SERVQUAL dimension, not both, to compare with what customers say.
     */
    public record NeedRating(@NotNull CustomerNeed need, @NotNull @Min(1) @Max(5) Integer teamScore,
                             @Positive Long questionId, ServqualDimension dimension,
                             @Size(max = 500) String note) {
    }

    /** An empty profile: what an outlet type shows before anyone wrote its template. */
    public static ServiceProfileForm empty() {
        return new ServiceProfileForm(null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), 0);
    }

    /** The same content with another version (stored bodies carry none). */
    public ServiceProfileForm withVersion(Integer v) {
        return new ServiceProfileForm(statement, tradeArea, targetAgeBands, targetIncomeBands, targetEducations,
                targetSocialClasses, characteristics, silhouette, needs, v);
    }

    /** Nulls for lists read as empty lists, blank texts as null. */
    public ServiceProfileForm normalised() {
        return new ServiceProfileForm(blank(statement), blank(tradeArea), list(targetAgeBands), list(targetIncomeBands),
                list(targetEducations), list(targetSocialClasses), list(characteristics), list(silhouette), list(needs),
                version);
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
