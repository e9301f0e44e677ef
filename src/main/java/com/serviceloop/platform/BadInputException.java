package com.serviceloop.platform;

/**
 * Input that passed bean validation but breaks a business rule; answered 400 naming the field. With
 * a message key, the refusal is worded in the reader's language (pages, and the API after its
 * Accept-Language); the exception's own message is the English wording.
 */
public class BadInputException extends RuntimeException {
    private final String field;
    private final String key;
    private final Object[] args;

    public BadInputException(String field, String message) {
        super(message);
        this.field = field;
        this.key = null;
        this.args = new Object[0];
    }

    private BadInputException(String field, String key, Object[] args) {
        super(Messages.english(key, args));
        this.field = field;
        this.key = key;
        this.args = args;
    }

    /** A refusal worded by the message key (both bundles), with its arguments. */
    public static BadInputException of(String field, String key, Object... args) {
        return new BadInputException(field, key, args);
    }

    public String field() {
        return field;
    }

    /** The message key, or null for a refusal worded in English only. */
    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
