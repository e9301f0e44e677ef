package com.serviceloop.platform;

import java.util.Locale;

/** The language a printed report (a PDF) is written in: the one asked for, else the reader's. */
public final class ReportLanguage {
    private ReportLanguage() {
    }

    /**
     * {@code lang} when given (zh or en), else the reader's language.
     *
     * @param refusalKey the message that refuses any other {@code lang}, in the asking module's words
     */
    public static Locale of(String lang, Locale reader, String refusalKey) {
        if (lang == null || lang.isBlank()) {
            return "zh".equals(reader.getLanguage()) ? Locale.CHINESE : Locale.ENGLISH;
        }
        return switch (lang.strip().toLowerCase(Locale.ROOT)) {
            case "zh", "zh-cn" -> Locale.CHINESE;
            case "en" -> Locale.ENGLISH;
            default -> throw BadInputException.of("lang", refusalKey);
        };
    }
}
