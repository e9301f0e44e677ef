package com.serviceloop.standard;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The split (procedural share in percent; personal gets the rest) and the order of standards on each side. */
public record PriorityForm(@NotNull @Min(0) @Max(100) Integer proceduralWeight, List<Long> proceduralOrder,
                           List<Long> personalOrder, Integer version) {
}
