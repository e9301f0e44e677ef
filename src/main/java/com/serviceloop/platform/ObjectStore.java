package com.serviceloop.platform;

import java.util.Optional;

/**
 * Where files and photos live: outside the database, so that any instance can serve any of them and
 * the database stays small. The filesystem under {@code ./data} by default; an S3-compatible store in
 * production. Keys are chosen by the caller (e.g. {@code cases/12/3f2a….jpg}) and may hold only
 * letters, digits, '/', '.', '_' and '-', never "..". A store that cannot do what is asked throws
 * {@link StoreUnavailableException}, which requests answer 503.
 */
public interface ObjectStore {

    /** Stores the content under the key, replacing what was there; done when this returns. */
    void put(String key, byte[] content, String contentType);

    /** The content under the key, or empty when there is none. */
    Optional<byte[]> get(String key);

    /** Removes the key; removing a key that does not exist is not an error. */
    void delete(String key);

    /** Refuses keys that could leave the store's root or that an object store would treat differently. */
    static String checkedKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 512 || !key.matches("[A-Za-z0-9/._-]+")
                || key.startsWith("/") || key.contains("..") || key.contains("//")) {
            throw new IllegalArgumentException("Not a valid object key: " + key);
        }
        return key;
    }
}
