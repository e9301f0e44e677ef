package com.serviceloop.platform;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** One INSERT run for many rows in a single JDBC batch, answering the new ids (column "id") in row order. */
public final class BatchInsert {
    private BatchInsert() {
    }

    /** Sets the statement's parameters for one row. */
    public interface RowSetter<T> {
        void set(PreparedStatement ps, T row) throws SQLException;
    }

    public static <T> List<Long> returningIds(JdbcTemplate jdbc, String sql, List<T> rows, RowSetter<T> setter) {
        var keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(con -> con.prepareStatement(sql, new String[] {"id"}), new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                setter.set(ps, rows.get(i));
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        }, keys);
        List<Long> ids = keys.getKeyList().stream().map(k -> ((Number) k.values().iterator().next()).longValue()).toList();
        if (ids.size() != rows.size()) {
            throw new IllegalStateException("Expected " + rows.size() + " new ids, got " + ids.size());
        }
        return ids;
    }
}
