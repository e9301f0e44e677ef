package com.serviceloop.platform;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON bodies are read as people mean them, and refused (400 naming the field) where a lenient
 * reading would store something else: a fraction is not truncated into a whole number, a null inside
 * a list is not passed on to an insert, and a date outside {@link #FIRST_YEAR}–{@link #LAST_YEAR}
 * (a typo like 0202 or 20266) never reaches a date column, where some would overflow with a 500.
 */
@Configuration
public class StrictJson {
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2200;

    @Bean
    static JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> {
            builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
            for (Class<?> list : List.of(Collection.class, List.class, Set.class)) {
                builder.withConfigOverride(list, o -> o.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.FAIL)));
            }
            builder.addModule(new SimpleModule("dates-and-ids-in-range").setDeserializerModifier(new ValueDeserializerModifier() {
                @Override
                public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
                                                               ValueDeserializer<?> deserializer) {
                    Class<?> type = deserializer.handledType();
                    if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
                        return new Ids(deserializer, false);
                    }
                    return yearOf(type, null) != null ? new InRange(deserializer) : deserializer;
                }
            }));
        };
    }

    /** The year of a date or time value, or null for anything else (a type given with a null value asks whether it is one). */
    static Integer yearOf(Class<?> type, Object value) {
        if (type == null || !(type == LocalDate.class || type == LocalDateTime.class || type == OffsetDateTime.class
                || type == ZonedDateTime.class || type == Instant.class)) {
            return null;
        }
        return switch (value) {
            case LocalDate d -> d.getYear();
            case LocalDateTime t -> t.getYear();
            case OffsetDateTime t -> t.getYear();
            case ZonedDateTime t -> t.getYear();
            case Instant i -> i.atOffset(ZoneOffset.UTC).getYear();
            case null, default -> 0;
        };
    }

    public static boolean yearInRange(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** "id", "…Id" and the entries of "…Ids": a record id is a whole number from 1; 0 or -1 names nothing. */
    static boolean isIdName(String name) {
        return name != null && (name.equals("id") || name.equals("ids") || name.endsWith("Id") || name.endsWith("Ids"));
    }

    /**
     * A whole number that is refused below 1 when its field names a record. Jackson makes one per field
     * (contextual), so the field's name is known; in a list, the list's field is.
     */
    private static final class Ids extends DelegatingDeserializer {
        private final boolean id;

        Ids(ValueDeserializer<?> delegate, boolean id) {
            super(delegate);
            this.id = id;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Ids(delegate, id);
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            ValueDeserializer<?> delegate = ctxt.handleSecondaryContextualization(_delegatee, property,
                    ctxt.constructType(_delegatee.handledType()));
            return new Ids(delegate, property != null && isIdName(property.getName()));
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            Object value = super.deserialize(p, ctxt);
            if (id && value instanceof Number n && n.longValue() < 1) {
                throw InvalidFormatException.from(p, "not an id", value, Ids.class);
            }
            return value;
        }
    }

    private static final class InRange extends DelegatingDeserializer {
        InRange(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new InRange(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            Object value = super.deserialize(p, ctxt);
            Integer year = yearOf(handledType(), value);
            if (value != null && year != null && !yearInRange(year)) {
                throw InvalidFormatException.from(p, "year out of range", value, handledType());
            }
            return value;
        }
    }
}
