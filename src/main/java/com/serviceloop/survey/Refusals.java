package com.serviceloop.survey;

import java.util.Locale;

/**
 * The language a survey page words a refusal in (with platform's Messages.refusal): the page's own,
 * which is not always the reader's, as on the respondent's page and the preview.
 */
final class Refusals {
    private Refusals() {
    }

    /** The locale of a page that is Chinese unless it is English, so that a third language reads Chinese, like the page. */
    static Locale of(boolean zh) {
        return zh ? Locale.CHINESE : Locale.ENGLISH;
    }
}
