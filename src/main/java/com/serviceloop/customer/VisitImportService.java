package com.serviceloop.customer;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.platform.CsvFiles;
import com.serviceloop.platform.Database;
import com.serviceloop.platform.ImportReport;
import com.serviceloop.platform.OutletScope;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Visit (purchase) import from a POS export. The file is streamed: each good line goes straight
 * into a staging table (PostgreSQL COPY, or JDBC batches on H2); customer lookup, scope check,
 * de-duplication and the move into "visit" are then single set-based statements. Memory use does
 * not grow with the file.
 */
@Service
class VisitImportService {
    private static final Logger log = LoggerFactory.getLogger(VisitImportService.class);
    static final List<String> REQUIRED = List.of("member_no", "outlet_code", "visited_at", "amount", "items");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd[[' ']['T']HH:mm[:ss]]");
    private final OrgService org;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Database database;
    private final CustomerStatsRefresh stats;

    public VisitImportService(OrgService org, JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx,
                              Clock clock, Database database, CustomerStatsRefresh stats) {
        this.database = database;
        this.stats = stats;
        this.org = org;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
        this.clock = clock;
    }

    record StagedRow(long line, String memberNo, String outletCode, LocalDateTime visitedAt, BigDecimal amount,
                     int items, String receiptNo, UUID dedupKey) {
    }

    public ImportReport importVisits(AppUser user, InputStream in) throws IOException {
        long start = System.nanoTime();
        ImportReport report = new ImportReport();
        OutletScope scope = org.scopeOf(user);
        Map<String, OrgUnit> outlets = org.visibleOutlets(user).stream()
                .collect(Collectors.toMap(OrgUnit::code, Function.identity()));
        String importId = UUID.randomUUID().toString();
        LocalDateTime now = LocalDateTime.now(clock);
        try (CSVParser parser = CsvFiles.open(in, REQUIRED)) {
            tx.executeWithoutResult(status -> {
                String table = stagingTable();
                try (StagingWriter staging = stagingWriter(table, importId)) {
                    long line = 1;
                    try {
                        for (CSVRecord r : parser) {
                            line = r.getRecordNumber() + 1;
                            report.read();
                            StagedRow row = parse(r, line, outlets, now, report);
                            if (row != null) {
                                staging.add(row);
                            }
                        }
                    } catch (UncheckedIOException | IllegalStateException e) {
                        report.reject(line + 1, "file", "The file cannot be read past this line: "
                                + CustomerImportService.rootMessage(e));
                    }
                } catch (SQLException | IOException e) {
                    throw new IllegalStateException("Staging the import failed", e);
                }
                long staged = System.nanoTime();
                moveStagedRows(table, importId, scope, report);
                log.info("Visit import {}: {} lines read and staged in {} ms, checked and stored in {} ms",
                        importId, report.getRowsRead(), (staged - start) / 1_000_000, (System.nanoTime() - staged) / 1_000_000);
            });
        }
        report.finished(start);
        return report;
    }

    private StagedRow parse(CSVRecord r, long line, Map<String, OrgUnit> outlets, LocalDateTime now,
                            ImportReport report) {
        String memberNo = CsvFiles.cell(r, "member_no");
        if (memberNo == null || memberNo.length() > 40) {
            report.reject(line, "member_no", memberNo == null ? "Missing" : "Longer than 40 characters");
            return null;
        }
        String outletCode = CsvFiles.cell(r, "outlet_code");
        if (outletCode == null || !outlets.containsKey(outletCode)) {
            report.reject(line, "outlet_code", outletCode == null ? "Missing"
                    : "No outlet with code '" + outletCode + "' in your scope");
            return null;
        }
        LocalDateTime at;
        String atText = CsvFiles.cell(r, "visited_at");
        try {
            at = atText == null ? null : parseTime(atText);
        } catch (DateTimeParseException e) {
            report.reject(line, "visited_at", "'" + atText + "' is not a date (yyyy-MM-dd or yyyy-MM-dd HH:mm[:ss])");
            return null;
        }
        if (at == null || at.isAfter(now)) {
            report.reject(line, "visited_at", at == null ? "Missing" : "Lies in the future");
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(String.valueOf(CsvFiles.cell(r, "amount")));
        } catch (NumberFormatException e) {
            report.reject(line, "amount", "'" + CsvFiles.cell(r, "amount") + "' is not an amount");
            return null;
        }
        if (amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 10) {
            report.reject(line, "amount", "Must be between 0 and 9999999999.99 with at most 2 decimals");
            return null;
        }
        int items;
        try {
            items = Integer.parseInt(String.valueOf(CsvFiles.cell(r, "items")));
        } catch (NumberFormatException e) {
            report.reject(line, "items", "'" + CsvFiles.cell(r, "items") + "' is not a whole number");
            return null;
        }
        if (items < 0 || items > 100_000) {
            report.reject(line, "items", "Must be between 0 and 100000");
            return null;
        }
        String receipt = CsvFiles.cell(r, "receipt_no");
        if (receipt != null && receipt.length() > 60) {
            report.reject(line, "receipt_no", "Longer than 60 characters");
            return null;
        }
        return new StagedRow(line, memberNo, outletCode, at, amount, items, receipt,
                VisitKey.of(memberNo, outletCode, at, amount, items, receipt));
    }

    static LocalDateTime parseTime(String text) {
        var parsed = DATE_TIME.parseBest(text, LocalDateTime::from, LocalDate::from);
        return parsed instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) parsed;
    }

    private void moveStagedRows(String table, String importId, OutletScope scope, ImportReport report) {
        if (database.isPostgres()) {
            jdbc.sql("ANALYZE " + table).update(); // temporary tables are never analysed on their own
        }
        String customerInScope = "c.member_no = s.member_no AND " + scope.sqlFilter("c.home_outlet_id");
        String unknownLines = "FROM %s s WHERE s.import_id = :id AND NOT EXISTS (SELECT 1 FROM customer c WHERE %s)"
                .formatted(table, customerInScope);
        long staged = count("SELECT COUNT(*) FROM " + table + " s WHERE s.import_id = :id", importId, scope);
        long unknownCount = count("SELECT COUNT(*) " + unknownLines, importId, scope);
        if (unknownCount > 0) {
            scope.bind(jdbc.sql("SELECT s.line_no, s.member_no " + unknownLines + " ORDER BY s.line_no LIMIT "
                            + ImportReport.MAX_ERRORS))
                    .param("id", importId)
                    .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                    .forEach(u -> report.reject(u.getKey(), "member_no",
                            "No customer with member number '" + u.getValue() + "' in your scope"));
            report.rejectUnlisted(unknownCount - Math.min(unknownCount, ImportReport.MAX_ERRORS));
        }
        // PostgreSQL skips known keys with ON CONFLICT; the portable form (H2) keeps the first line of
        // each key in the file and skips keys already stored.
        String skipKnown = database.isPostgres() ? "ON CONFLICT (dedup_key) DO NOTHING" : "";
        String portableFilter = database.isPostgres() ? "" : """
                AND s.line_no = (SELECT MIN(s2.line_no) FROM %s s2
                                 WHERE s2.import_id = s.import_id AND s2.dedup_key = s.dedup_key)
                AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.dedup_key = s.dedup_key)""".formatted(table);
        long inserted = scope.bind(jdbc.sql("""
                INSERT INTO visit (customer_id, outlet_id, visited_at, amount, items, receipt_no, dedup_key)
                SELECT c.id, o.id, s.visited_at, s.amount, s.items, s.receipt_no, s.dedup_key
                FROM %s s
                JOIN customer c ON %s
                JOIN org_unit o ON o.code = s.outlet_code AND o.kind = 'OUTLET'
                WHERE s.import_id = :id %s
                %s""".formatted(table, customerInScope, portableFilter, skipKnown)))
                .param("id", importId).update();
        report.inserted(inserted);
        report.duplicates(staged - unknownCount - inserted);
        if (inserted > 0) {
            // in the import's transaction: the roster never shows visits without their figures
            stats.refreshSet("SELECT c.id FROM %s s JOIN customer c ON c.member_no = s.member_no WHERE s.import_id = :id"
                    .formatted(table), importId);
        }
        if (!database.isPostgres()) {
            jdbc.sql("DELETE FROM visit_import_row WHERE import_id = :id").param("id", importId).update();
        }
    }

    private long count(String sql, String importId, OutletScope scope) {
        return scope.bind(jdbc.sql(sql)).param("id", importId).query(Long.class).single();
    }

    /**
     * On PostgreSQL a temporary table without index, dropped at commit: no WAL, no index upkeep
     * while a million lines stream in. Elsewhere the shared staging table.
     */
    private String stagingTable() {
        if (!database.isPostgres()) {
            return "visit_import_row";
        }
        jdbc.sql("CREATE TEMPORARY TABLE visit_import_tmp (LIKE visit_import_row) ON COMMIT DROP").update();
        return "visit_import_tmp";
    }

    private StagingWriter stagingWriter(String table, String importId) throws SQLException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        if (connection.isWrapperFor(PGConnection.class)) {
            return new PostgresCopyStaging(connection.unwrap(PGConnection.class), table, importId);
        }
        return new BatchStaging(connection, importId);
    }
}
