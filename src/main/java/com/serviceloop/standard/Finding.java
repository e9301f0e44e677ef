package com.serviceloop.standard;

import java.util.List;

/**
 * One piece of advice from the quality checker: which of the four qualities of a good standard
 * (clear, concise, observable, realistic — and not a duplicate) is at risk, on which field, and why.
 * The message is resolved from the bundles as {@code check.<code>} with the arguments.
 */
public record Finding(String code, Quality quality, String field, List<Object> args, String message) {

    public enum Quality { CLEAR, CONCISE, OBSERVABLE, REALISTIC, UNIQUE }

    Finding withMessage(String text) {
        return new Finding(code, quality, field, args, text);
    }
}
