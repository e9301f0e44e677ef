package com.serviceloop.platform;

/** Someone else changed the record first, or a unique value is taken; answered 409. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
