package com.serviceloop.customer;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.platform.CsvFiles;
import com.serviceloop.platform.ImportReport;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.Rows;
import com.serviceloop.platform.TableWriter;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customer file import and export. Rows are validated one by one; good rows are stored in batches
 * (each batch its own transaction), bad rows are reported by line and reason. The member number is
 * the key: a row whose member exists updates that customer, so importing a file twice changes nothing.
 */
@Service
class CustomerImportService {
    private static final int BATCH = 500;
    private final CustomerRepository customers;
    private final OrgService org;
    private final JdbcClient jdbc;
    private final Validator validator;
    private final TransactionTemplate tx;
    private final CustomerStatsRefresh stats;

    public CustomerImportService(CustomerRepository customers, OrgService org, JdbcClient jdbc, Validator validator,
                                 TransactionTemplate tx, CustomerStatsRefresh stats) {
        this.customers = customers;
        this.org = org;
        this.jdbc = jdbc;
        this.validator = validator;
        this.tx = tx;
        this.stats = stats;
    }

    private record Row(long line, CustomerForm form) {
    }

    public ImportReport importCustomers(AppUser user, InputStream in) throws IOException {
        long start = System.nanoTime();
        ImportReport report = new ImportReport();
        OutletScope scope = org.scopeOf(user);
        Map<String, OrgUnit> outlets = org.visibleOutlets(user).stream()
                .collect(Collectors.toMap(OrgUnit::code, Function.identity()));
        // outlets whose segment cells change: a new customer's, and both sides of a move
        Set<Long> touched = new HashSet<>();
        try (CSVParser parser = CsvFiles.open(in, CustomerCsv.REQUIRED)) {
            Map<String, Row> batch = new LinkedHashMap<>();
            long line = 1;
            try {
                for (CSVRecord r : parser) {
                    line = r.getRecordNumber() + 1;
                    report.read();
                    CustomerCsv.Parsed p = CustomerCsv.parse(r, outlets, validator);
                    if (p.form() == null) {
                        report.reject(line, p.field(), p.error());
                        continue;
                    }
                    Row previous = batch.put(p.form().memberNo(), new Row(line, p.form()));
                    if (previous != null) {
                        report.duplicates(1); // the same member twice in one file: the later line wins
                    }
                    if (batch.size() >= BATCH) {
                        store(batch, scope, report, touched);
                    }
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                report.reject(line + 1, "file", "The file cannot be read past this line: " + rootMessage(e));
            }
            store(batch, scope, report, touched);
        }
        stats.rebuildRollup(touched);
        report.finished(start);
        return report;
    }

    private void store(Map<String, Row> batch, OutletScope scope, ImportReport report, Set<Long> touched) {
        if (batch.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            record Existing(long id, String memberNo, long homeOutletId, int version) {
            }
            Map<String, Existing> existing = jdbc.sql(
                            "SELECT id, member_no, home_outlet_id, version FROM customer WHERE member_no IN (:m)")
                    .param("m", new ArrayList<>(batch.keySet())).query(Rows.of(Existing.class)).list().stream()
                    .collect(Collectors.toMap(Existing::memberNo, Function.identity()));
            List<Long> written = new ArrayList<>(batch.size());
            for (Row row : batch.values()) {
                Existing e = existing.get(row.form().memberNo());
                if (e == null) {
                    written.add(customers.insert(row.form()));
                    touched.add(row.form().homeOutletId());
                    report.inserted(1);
                } else if (!scope.contains(e.homeOutletId())) {
                    report.reject(row.line(), "member_no", "Member number " + e.memberNo()
                            + " belongs to a customer outside your scope");
                } else if (customers.update(e.id(), row.form(), e.version())) {
                    written.add(e.id());
                    touched.add(e.homeOutletId());
                    touched.add(row.form().homeOutletId());
                    report.updated(1);
                } else {
                    report.reject(row.line(), "member_no", "Someone changed this customer during the import; import the line again");
                }
            }
            // in the batch's transaction: a customer is never stored without the summary row the roster reads
            stats.refreshCustomers(written);
        });
        batch.clear();
    }

    /** The customers in scope in the import layout (CSV, or Excel with the same columns), streamed. */
    public void exportCustomers(AppUser user, TableWriter.Opener open) throws IOException {
        Map<Long, String> codes = org.visibleOutlets(user).stream()
                .collect(Collectors.toMap(OrgUnit::id, OrgUnit::code));
        try (TableWriter out = open.apply(CustomerCsv.COLUMNS)) {
            tx.executeWithoutResult(s -> customers.forEach(org.scopeOf(user),
                    c -> out.row(CustomerCsv.cells(c, codes.get(c.homeOutletId())))));
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the client went away
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
