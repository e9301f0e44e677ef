package com.serviceloop.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A PUT replaces the whole record, so its body must name every field of the form: a field left out
 * used to be read as null and wiped what was stored (a partial update of a customer cleared the
 * consent flags). Each missing field is refused by name; an explicit null still clears a field.
 * {@code version} may be left out: without it the update is simply not protected from lost updates.
 */
@ControllerAdvice
class WholeRecordUpdates extends RequestBodyAdviceAdapter {
    private final ObjectMapper json;

    WholeRecordUpdates(ObjectMapper json) {
        this.json = json;
    }

    /** Raised before the body is read: the fields a full update left out. */
    static final class Incomplete extends RuntimeException {
        private final List<String> fields;

        Incomplete(List<String> fields) {
            super("missing fields " + fields);
            this.fields = fields;
        }

        List<String> fields() {
            return fields;
        }
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converter) {
        return parameter.hasMethodAnnotation(PutMapping.class) && parameter.getParameterType().isRecord();
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converter) throws IOException {
        byte[] body = input.getBody().readAllBytes();
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JacksonException unreadable) {
            tree = null; // the converter reads it again and answers with its own, more precise refusal
        }
        if (tree != null && tree.isObject()) {
            JsonNode fields = tree;
            List<String> missing = Arrays.stream(parameter.getParameterType().getRecordComponents())
                    .map(RecordComponent::getName)
                    .filter(name -> !name.equals("version") && !fields.has(name)).toList();
            if (!missing.isEmpty()) {
                throw new Incomplete(missing);
            }
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }
}
