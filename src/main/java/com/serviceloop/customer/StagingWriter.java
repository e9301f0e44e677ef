package com.serviceloop.customer;

import java.io.IOException;
import java.sql.SQLException;

/** Where parsed visit lines go before set-based checks move them into "visit". */
interface StagingWriter extends AutoCloseable {
    String INSERT = """
            INSERT INTO visit_import_row (import_id, line_no, member_no, outlet_code, visited_at, amount, items,
                receipt_no, dedup_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    void add(VisitImportService.StagedRow row) throws SQLException, IOException;

    /** Flushes what is buffered; the connection stays with the surrounding transaction. */
    @Override
    void close() throws SQLException, IOException;
}
