package com.serviceloop.customer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** Staging through one streaming COPY: the fastest way into PostgreSQL, and memory stays at one buffer. */
final class PostgresCopyStaging implements StagingWriter {
    private static final int FLUSH_BYTES = 1 << 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final CopyIn copy;
    private final String importId;
    private final StringBuilder line = new StringBuilder(256);
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_BYTES + 4096);

    PostgresCopyStaging(PGConnection connection, String table, String importId) throws SQLException {
        this.copy = connection.getCopyAPI().copyIn("""
                COPY %s (import_id, line_no, member_no, outlet_code, visited_at, amount, items,
                    receipt_no, dedup_key) FROM STDIN (FORMAT text)""".formatted(table));
        this.importId = importId;
    }

    @Override
    public void add(VisitImportService.StagedRow row) throws SQLException {
        line.setLength(0);
        line.append(importId).append('\t').append(row.line()).append('\t');
        escape(row.memberNo()).append('\t');
        escape(row.outletCode()).append('\t');
        line.append(TIME.format(row.visitedAt())).append('\t').append(row.amount().toPlainString()).append('\t')
                .append(row.items()).append('\t');
        if (row.receiptNo() == null) {
            line.append("\\N");
        } else {
            escape(row.receiptNo());
        }
        line.append('\t').append(row.dedupKey()).append('\n');
        buffer.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        if (buffer.size() >= FLUSH_BYTES) {
            flush();
        }
    }

    private StringBuilder escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
        return line;
    }

    private void flush() throws SQLException {
        copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
        buffer.reset();
    }

    @Override
    public void close() throws SQLException {
        if (!copy.isActive()) {
            return;
        }
        try {
            flush();
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
