package com.serviceloop.casework;

import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A refusal shown as the page's notice rather than next to a form field: worded from its key in the
 * reader's language, so the settings and lists need no wording of their own.
 */
final class Refusals {
    private Refusals() {
    }

    static String worded(MessageSource messages, RuntimeException e, Locale locale) {
        return switch (e) {
            case BadInputException bad when bad.key() != null ->
                    messages.getMessage(bad.key(), bad.args(), bad.getMessage(), locale);
            case ConflictException conflict when conflict.key() != null ->
                    messages.getMessage(conflict.key(), conflict.args(), conflict.getMessage(), locale);
            // refusals raised elsewhere and not yet keyed are worded in English only
            default -> e.getMessage();
        };
    }
}
