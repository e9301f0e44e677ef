package com.serviceloop.team;

import com.serviceloop.platform.BadInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import org.springframework.stereotype.Component;

/**
 * The API's bean validation, for forms that pages build from their fields: the first broken rule
 * (by field path) is refused naming its field, as the API would.
 */
@Component
class FormCheck {
    private final Validator validator;

    FormCheck(Validator validator) {
        this.validator = validator;
    }

    <T> T valid(T form) {
        validator.validate(form).stream().min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .ifPresent(FormCheck::refuse);
        return form;
    }

    private static void refuse(ConstraintViolation<?> v) {
        throw new BadInputException(v.getPropertyPath().toString(), v.getPropertyPath() + ": " + v.getMessage());
    }
}
