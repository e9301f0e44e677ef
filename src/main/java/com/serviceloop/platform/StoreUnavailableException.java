package com.serviceloop.platform;

/**
 * The object store could not be reached or refused the request (a network failure, a stopped MinIO,
 * wrong credentials, a full disk). Not the request's fault: answered 503 with a message, like an
 * unreachable database, and logged with the cause for the operator.
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
