package com.serviceloop.staff;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** All five star levels, one star first. */
public record StarGradeLevelsForm(@NotNull @Size(min = 5, max = 5) List<@NotNull @Valid StarGradeRuleForm> levels) {
}
