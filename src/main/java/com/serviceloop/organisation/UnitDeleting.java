package com.serviceloop.organisation;

/**
 * Published, inside the deleting transaction, just before an organisation unit is deleted. A
 * module that still keeps records of the unit vetoes the deletion by throwing a
 * {@link com.serviceloop.platform.ConflictException} that says what is left; a module that keeps
 * only settings of the unit may delete them.
 */
public record UnitDeleting(long unitId) {
}
