package com.serviceloop.survey;

import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A refusal shown as a notice rather than next to a form field (FormErrors) or on the 409 page
 * (PageErrors): the survey pages word it in their own language too, which is not always the
 * reader's, as on the respondent's page and the preview.
 */
final class Refusals {
    private Refusals() {
    }

    /** The refusal in the language given when it has a message key; otherwise as the service worded it. */
    static String worded(RuntimeException e, MessageSource messages, Locale language) {
        return switch (e) {
            case BadInputException bad when bad.key() != null ->
                    messages.getMessage(bad.key(), bad.args(), bad.getMessage(), language);
            case ConflictException conflict when conflict.key() != null ->
                    messages.getMessage(conflict.key(), conflict.args(), conflict.getMessage(), language);
            default -> e.getMessage();
        };
    }

    /** The locale of a page that is Chinese unless it is English, so that a third language reads Chinese, like the page. */
    static Locale of(boolean zh) {
        return zh ? Locale.CHINESE : Locale.ENGLISH;
    }
}
