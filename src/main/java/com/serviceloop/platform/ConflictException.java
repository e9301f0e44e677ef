package com.serviceloop.platform;

/**
 * Someone else changed the record first, or a unique value is taken; answered 409. With a message
 * key, worded in the reader's language like {@link BadInputException}.
 */
public class ConflictException extends RuntimeException {
    private final String key;
    private final Object[] args;

    public ConflictException(String message) {
        super(message);
        this.key = null;
        this.args = new Object[0];
    }

    private ConflictException(String key, Object[] args) {
        super(Messages.english(key, args));
        this.key = key;
        this.args = args;
    }

    public static ConflictException of(String key, Object... args) {
        return new ConflictException(key, args);
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
