package com.serviceloop.platform;

import java.util.Locale;
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
}
