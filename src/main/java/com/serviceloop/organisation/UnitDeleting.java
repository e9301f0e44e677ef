package com.serviceloop.organisation;

import com.serviceloop.platform.ConflictException;

/**
 * Published, inside the deleting transaction, just before an organisation unit is deleted. A
 * module that still keeps records of the unit vetoes the deletion by throwing a
 * {@link ConflictException} (see {@link #refuseIf}) that says what is left; a module that keeps
 * only settings of the unit may delete them.
 */
public record UnitDeleting(long unitId) {

    /**
     * Vetoes the deletion; the message key says what the unit still has, with the unit's id as its
     * argument ("Unit {0} still has cases or SQI failures").
     */
    public void refuseIf(boolean stillUsed, String messageKey) {
        if (stillUsed) {
            throw ConflictException.of(messageKey, String.valueOf(unitId));
        }
    }
}
