package com.serviceloop.platform;

/** Unknown id, or an id outside the caller's scope: both answer 404 so that scope leaks nothing. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
