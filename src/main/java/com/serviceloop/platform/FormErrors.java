package com.serviceloop.platform;

import java.util.Arrays;
import org.springframework.validation.BindingResult;

/** Puts a service's refusal next to the form field it concerns, the way bean validation does. */
public final class FormErrors {
    private FormErrors() {
    }

    /** Records the error on the form; rethrows anything that is not about the input. */
    public static void record(RuntimeException e, BindingResult form) {
        switch (e) {
            // a keyed refusal is worded by the page in the reader's language, the English text is the fallback
            case BadInputException bad -> {
                String code = bad.key() == null ? "invalid" : bad.key();
                if (form.getTarget() != null && hasField(form, bad.field())) {
                    form.rejectValue(bad.field(), code, bad.args(), bad.getMessage());
                } else {
                    form.reject(code, bad.args(), bad.getMessage());
                }
            }
            case ConflictException conflict -> form.reject(conflict.key() == null ? "conflict" : conflict.key(),
                    conflict.args(), conflict.getMessage());
            default -> throw e;
        }
    }

    /** Records are read through their accessors, so a record component counts as a field. */
    private static boolean hasField(BindingResult form, String field) {
        Class<?> type = form.getTarget().getClass();
        return type.isRecord() && Arrays.stream(type.getRecordComponents()).anyMatch(c -> c.getName().equals(field));
    }
}
