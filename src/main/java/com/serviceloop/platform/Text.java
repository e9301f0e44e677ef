package com.serviceloop.platform;

public final class Text {
    private Text() {
    }

    /** Form and CSV input: an empty or blank value is stored as no value, anything else trimmed. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
