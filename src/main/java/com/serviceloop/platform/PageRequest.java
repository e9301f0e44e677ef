package com.serviceloop.platform;

/** Page number (from 0) and size, clamped to sane bounds so no request can ask for everything. */
public record PageRequest(int page, int size) {
    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 200;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null || page < 0 ? 0 : page;
        int s = size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
        return new PageRequest(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}
