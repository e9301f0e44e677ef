package com.serviceloop.platform;

import java.util.Collection;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outlets a caller may see. Every query on outlet-owned data goes through {@link #sqlFilter},
 * so scope is enforced by the database, not by filtering results in Java.
 */
public record OutletScope(boolean all, Set<Long> outletIds) {

    public static final OutletScope EVERYTHING = new OutletScope(true, Set.of());

    public static OutletScope of(Collection<Long> ids) {
        return new OutletScope(false, Set.copyOf(ids));
    }

    public boolean contains(Long outletId) {
        return all || (outletId != null && outletIds.contains(outletId));
    }

    /**
     * A SQL condition on the given column; binds the named parameter {@code scopeIds} when needed
     * (see {@link #bind}).
     */
    public String sqlFilter(String column) {
        if (all) {
            return "1=1";
        }
        return outletIds.isEmpty() ? "1=0" : column + " IN (:scopeIds)";
    }

    public JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec spec) {
        return all || outletIds.isEmpty() ? spec : spec.param("scopeIds", outletIds);
    }
}
