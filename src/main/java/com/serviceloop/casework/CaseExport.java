package com.serviceloop.casework;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.Rows;
import com.serviceloop.platform.TableWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The case list as a file (CSV or Excel), every page of it, streamed: memory stays flat up to a million cases. */
@Service
class CaseExport {
    /** Excel's sheet holds 1,048,576 rows: a million cases and the header fit. */
    static final int LIMIT = 1_000_000;
    private static final List<String> HEADER = List.of("id", "created_at", "outlet", "channel", "case_type", "severity",
            "status", "owner", "team", "customer", "description", "remedy", "remedy_cost", "problem", "resolved_at",
            "closed_at", "topic", "product");
    private final CaseQueries queries;
    private final OrgService org;
    private final JdbcClient streaming;
    private final TransactionTemplate readOnly;

    CaseExport(CaseQueries queries, OrgService org, DataSource dataSource, PlatformTransactionManager transactions) {
        this.queries = queries;
        this.org = org;
        // a fetch size makes PostgreSQL hand the rows over through a cursor (inside a transaction), not all at once
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(1000);
        this.streaming = JdbcClient.create(template);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Rows are written as they are read; the file is opened only after the filter passed the caller's scope. */
    void export(AppUser user, CaseFilter f, TableWriter.Opener open) throws IOException {
        OutletScope scope = org.scopeOf(user);
        if (f.outletId() != null && !scope.contains(f.outletId())) {
            // an outlet outside the scope is not there for this person, as everywhere else, rather than an empty file
            throw new NotFoundException("Outlet", f.outletId());
        }
        CaseQueries.Where w = queries.where(user, f, scope);
        try (TableWriter out = open.apply(HEADER)) {
            readOnly.executeWithoutResult(tx -> {
                var spec = scope.bind(streaming.sql(CaseQueries.SELECT + w.sql() + " ORDER BY c.id LIMIT " + LIMIT))
                        .params(w.params());
                try (Stream<SupportCase> cases = spec.query(Rows.of(SupportCase.class)).stream()) {
                    cases.forEach(c -> out.row(c.id(), c.createdAt(), c.outletName(), c.channel(), c.caseType(),
                            c.severity(), c.status(), c.ownerName(), c.ownerTeamName(), c.customerName(),
                            c.description(), c.remedy(), c.remedyCost(), c.problem(), c.resolvedAt(), c.closedAt(),
                            c.topic(), c.product()));
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
