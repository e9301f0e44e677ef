package com.serviceloop.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text with a NUL character is refused where it enters (JSON bodies here; forms and query parameters
 * in {@link ParameterChecks}) with a 400 naming the field: PostgreSQL cannot store NUL in text, and
 * the insert would end in a 500.
 */
@Configuration
public class NoNulCharacters {

    public static boolean hasNul(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    @Bean
    static JacksonModule noNulInJson() {
        return new SimpleModule("no-nul-characters").addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) {
                String value = super.deserialize(p, ctxt);
                if (hasNul(value)) {
                    throw InvalidFormatException.from(p, "NUL character", value, String.class);
                }
                return value;
            }
        });
    }
}
