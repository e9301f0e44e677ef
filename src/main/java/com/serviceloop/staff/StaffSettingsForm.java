package com.serviceloop.staff;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** A change of the staff-feedback settings; a field left out (null) keeps its value. */
public record StaffSettingsForm(Boolean colleaguesMayWrite, Boolean hideNames, @Min(1) @Max(10000) Integer minEvents) {
}
