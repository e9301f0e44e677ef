package com.serviceloop.blueprint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record BlueprintForm(
        @NotBlank @Pattern(regexp = "[a-z0-9_-]{1,40}", message = "{validation.outletType}") String outletType,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 1000) String description,
        Integer version) {
}
