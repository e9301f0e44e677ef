package com.serviceloop.platform;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * What a field expects, in the reader's words ("a whole number", "a date like 2026-11-29", "one of:
 * OPEN, CLOSED"): a refusal of a value of the wrong form never shows a Java type name.
 */
public final class ExpectedForm {
    private ExpectedForm() {
    }

    /** "must be …" for a value that does not fit the type of its field. */
    public static String refusal(Class<?> type, MessageSource messages, Locale locale) {
        String form = describe(type, messages, locale);
        return messages.getMessage("error.platform.expected", new Object[] {form},
                Messages.english("error.platform.expected", form), locale);
    }

    /** "must be a date between 1900 and 2200". */
    public static String yearRange(MessageSource messages, Locale locale) {
        Object[] args = {String.valueOf(StrictJson.FIRST_YEAR), String.valueOf(StrictJson.LAST_YEAR)};
        return messages.getMessage("error.platform.dateRange", args, Messages.english("error.platform.dateRange", args), locale);
    }

    /** The refusal of a JSON value that Jackson could not read into its field. */
    static String forJson(JacksonException e, MessageSource messages, Locale locale) {
        return switch (e) {
            case InvalidFormatException f when f.getValue() instanceof String text && NoNulCharacters.hasNul(text) ->
                    say("error.platform.nul", messages, locale);
            case InvalidFormatException f when f.getValue() instanceof Temporal -> yearRange(messages, locale);
            case InvalidFormatException f when f.getValue() instanceof Number && StrictJson.isIdName(idField(f)) ->
                    say("error.platform.notAnId", messages, locale);
            case InvalidNullException n when n.getPath().getLast().getPropertyName() == null ->
                    say("error.platform.nullInList", messages, locale);
            case InvalidNullException n -> say("error.platform.required", messages, locale);
            case MismatchedInputException m -> refusal(m.getTargetType(), messages, locale);
            case InputCoercionException c -> say("error.platform.outOfRange", messages, locale,
                    describe(c.getTargetType(), messages, locale));
            default -> say("error.platform.wrongTypeValue", messages, locale);
        };
    }

    /** The field a value belongs to: the last named step of the path (a list's entries belong to the list). */
    private static String idField(JacksonException e) {
        return e.getPath().reversed().stream().map(JacksonException.Reference::getPropertyName)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    static String describe(Class<?> type, MessageSource messages, Locale locale) {
        if (type != null && type.isEnum()) {
            String values = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
            return say("error.platform.expect.oneOf", messages, locale, values);
        }
        return say("error.platform.expect." + kind(type), messages, locale);
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class || type == short.class
                || type == Short.class || type == byte.class || type == Byte.class || type == BigInteger.class) {
            return "wholeNumber";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == LocalDate.class) {
            return "date";
        }
        if (type == LocalDateTime.class) {
            return "dateTime";
        }
        if (type == OffsetDateTime.class || type == ZonedDateTime.class || type == Instant.class) {
            return "instant";
        }
        if (type == LocalTime.class) {
            return "time";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "text";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "list";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "object" : "value";
    }

    private static String say(String key, MessageSource messages, Locale locale, Object... args) {
        return messages.getMessage(key, args, Messages.english(key, args), locale);
    }
}
