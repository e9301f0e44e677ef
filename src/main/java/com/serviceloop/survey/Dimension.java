package com.serviceloop.survey;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** The five SERVQUAL dimensions, as the decks name them. */
public enum Dimension {
    TANGIBLES("有形度"), RELIABILITY("信赖度"), RESPONSIVENESS("反应度"), ASSURANCE("专业度"), EMPATHY("同理度");

    private final String zh;

    Dimension(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /** The five names in the page's language: the decks' Chinese names, or the English ones from the messages. */
    static List<String> labels(MessageSource messages, Locale locale) {
        boolean zh = !"en".equals(locale.getLanguage());
        return Arrays.stream(values()).map(d -> zh ? d.zh() : messages.getMessage("surveys.dim." + d.name(), null, locale))
                .toList();
    }
}
