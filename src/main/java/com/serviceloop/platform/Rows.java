package com.serviceloop.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;

/**
 * Row mappers for records, matched by column labels from the result set's metadata. (JdbcClient's
 * own class mapping tries each camelCase name first and catches an exception per column and row.)
 */
public final class Rows {
    private static final Map<Class<?>, RowMapper<?>> MAPPERS = new ConcurrentHashMap<>();

    private Rows() {
    }

    @SuppressWarnings("unchecked")
    public static <T> RowMapper<T> of(Class<T> type) {
        return (RowMapper<T>) MAPPERS.computeIfAbsent(type, DataClassRowMapper::new);
    }
}
