package com.serviceloop.customer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/** Portable staging through JDBC batches (H2, or any database without COPY). */
final class BatchStaging implements StagingWriter {
    private static final int BATCH = 2000;
    private final PreparedStatement insert;
    private final String importId;
    private int pending;

    BatchStaging(Connection connection, String importId) throws SQLException {
        this.insert = connection.prepareStatement(INSERT);
        this.importId = importId;
    }

    @Override
    public void add(VisitImportService.StagedRow row) throws SQLException {
        insert.setString(1, importId);
        insert.setLong(2, row.line());
        insert.setString(3, row.memberNo());
        insert.setString(4, row.outletCode());
        insert.setTimestamp(5, Timestamp.valueOf(row.visitedAt()));
        insert.setBigDecimal(6, row.amount());
        insert.setInt(7, row.items());
        insert.setString(8, row.receiptNo());
        insert.setObject(9, row.dedupKey());
        insert.addBatch();
        if (++pending == BATCH) {
            insert.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            if (pending > 0) {
                insert.executeBatch();
            }
        } finally {
            insert.close();
        }
    }
}
