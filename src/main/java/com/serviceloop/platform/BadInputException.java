package com.serviceloop.platform;

/** Input that passed bean validation but breaks a business rule; answered 400 naming the field. */
public class BadInputException extends RuntimeException {
    private final String field;

    public BadInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
