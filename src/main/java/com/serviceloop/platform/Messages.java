package com.serviceloop.platform;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The English wording of a message key, for refusals raised where no request's locale is at hand;
 * the answer to a person is worded again in their language from the same key.
 */
public final class Messages {
    private static final ResourceBundleMessageSource BUNDLE = new ResourceBundleMessageSource();

    static {
        BUNDLE.setBasename("messages");
        BUNDLE.setDefaultEncoding("UTF-8");
        BUNDLE.setFallbackToSystemLocale(false);
    }

    private Messages() {
    }

    public static String english(String key, Object... args) {
        return BUNDLE.getMessage(key, args, key, Locale.ROOT);
    }

    /**
     * A refusal for a page that shows it away from its form (a flash notice after a redirect): a keyed
     * one in the reader's language, any other in its own English words.
     */
    public static String refusal(RuntimeException e, MessageSource messages, Locale locale) {
        return switch (e) {
            case BadInputException bad when bad.key() != null ->
                    messages.getMessage(bad.key(), bad.args(), bad.getMessage(), locale);
            case ConflictException conflict when conflict.key() != null ->
                    messages.getMessage(conflict.key(), conflict.args(), conflict.getMessage(), locale);
            default -> e.getMessage();
        };
    }
}
