package com.serviceloop.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record OrgUnitForm(
        Long parentId,
        @NotNull UnitKind kind,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "{validation.code}") String code,
        @Size(max = 40) String outletType,
        @Size(max = 300) String address,
        Integer version) {
}
