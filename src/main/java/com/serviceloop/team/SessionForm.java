package com.serviceloop.team;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A session as a manager plans it. The programme and the outlet are set when it is created; a change
 * of the attendee list keeps the results of those who stay.
 */
public record SessionForm(@NotNull @Positive Long programmeId, @NotNull @Positive Long outletId,
                          @NotNull LocalDate heldOn, @NotNull @Positive Long trainerId, @Size(max = 1000) String note,
                          @NotNull @Size(max = 200) List<@NotNull @Positive Long> attendeeIds, Integer version) {
}
