package com.serviceloop.casework;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A case history's notes in the reader's language: the notes the system writes itself are stored
 * in English (the API and webhooks carry them as they are), so a screen translates them back
 * through message keys; what people typed (reasons, remedies) stays as typed.
 * The channel a case came by, noted with its creation, is shown by its name too.
 * {@code ${@caseNotes.text(e.detail())}} in a template.
 */
@Component("caseNotes")
public class CaseNotes {
    private record Known(Pattern pattern, String key) {
    }

    private static final List<Known> KNOWN = List.of(
            new Known(Pattern.compile("Follow-up: satisfied (\\d+)/5"), "case.note.satisfied"),
            new Known(Pattern.compile("Follow-up: not satisfied (\\d+)/5"), "case.note.notSatisfied"),
            new Known(Pattern.compile("Customer not reached"), "case.note.notReached"),
            new Known(Pattern.compile("(?s)Follow-up waived: (.*)"), "case.note.waived"),
            new Known(Pattern.compile("(?s)(.*) \\[marked as a problem]"), "case.note.markedProblem"));
    private final MessageSource messages;

    public CaseNotes(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String detail) {
        return text(detail, LocaleContextHolder.getLocale());
    }

    public String text(String detail, Locale locale) {
        if (detail == null) {
            return null;
        }
        // a case's first event notes the channel it came by
        for (Channel c : Channel.values()) {
            if (c.name().equals(detail)) {
                return messages.getMessage("case.channel." + c.name(), null, locale);
            }
        }
        for (Known k : KNOWN) {
            Matcher m = k.pattern().matcher(detail);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                return messages.getMessage(k.key(), args, locale);
            }
        }
        return detail;
    }
}
