package com.serviceloop.platform;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/** Figures for a chart, written as JSON into a page's script element, which the JSON must not be able to close. */
@Component
public class ScriptJson {
    private final ObjectMapper json;

    public ScriptJson(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value).replace("</", "<\\/");
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }
}
