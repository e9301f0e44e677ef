package com.serviceloop.customer;

import com.serviceloop.platform.AppSettings;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps customer_stats and the segment rollup up to date: a full refresh at night (the twelve-month
 * window moves every day) and whenever the insight settings differ from those of the last full
 * refresh; between them, the customers whose visits or profile changed are refreshed as they
 * change. Every refresh is set-based SQL; a full one works through customer-id ranges, each range
 * in its own transaction, so readers always see a complete row for every customer.
 */
@Service
public class CustomerStatsRefresh {
    private static final Logger log = LoggerFactory.getLogger(CustomerStatsRefresh.class);
    private static final String FINGERPRINT = "customerStats.settings";
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final InsightSettingsService settings;
    private final AppSettings appSettings;
    private final SegmentRollup rollup;
    private final List<CustomerSignals> signals;
    private final Clock clock;
    private final int chunk;

    public CustomerStatsRefresh(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx,
                                InsightSettingsService settings, AppSettings appSettings, SegmentRollup rollup,
                                List<CustomerSignals> signals, Clock clock,
                                @Value("${serviceloop.customers.stats-chunk:100000}") int chunk) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = tx;
        this.settings = settings;
        this.appSettings = appSettings;
        this.rollup = rollup;
        this.signals = signals;
        this.clock = clock;
        this.chunk = chunk;
    }

    public record Result(long customers, long signals, long millis) {
    }

    @Scheduled(cron = "${serviceloop.customers.stats-cron:0 30 2 * * *}")
    @SchedulerLock(name = "customer-stats", lockAtMostFor = "PT3H", lockAtLeastFor = "PT5S")
    public void nightly() {
        refreshAll();
    }

    /** A changed threshold moves customers between tiers and groups: the whole table is redone. */
    @Scheduled(fixedDelayString = "${serviceloop.customers.stats-check:PT1M}",
            initialDelayString = "${serviceloop.customers.stats-check-delay:PT30S}")
    @SchedulerLock(name = "customer-stats", lockAtMostFor = "PT3H", lockAtLeastFor = "PT5S")
    public void whenSettingsChanged() {
        try {
            refreshIfSettingsChanged();
        } catch (TransientDataAccessException e) {
            // a long write holds the table (a visit import, the demo being loaded): the fingerprint is
            // unchanged, so the next check in a minute refreshes
            log.info("Customer stats: the table is busy ({}); checking again later", e.getClass().getSimpleName());
        }
    }

    /** True when it refreshed: the settings differ from those of the last full refresh, or there was none. */
    public boolean refreshIfSettingsChanged() {
        String current = settings.current().toString();
        if (current.equals(appSettings.under(FINGERPRINT).get(""))) {
            return false;
        }
        refreshAll();
        return true;
    }

    public Result refreshAll() {
        long start = System.nanoTime();
        InsightSettings s = settings.current();
        LocalDateTime now = LocalDateTime.now(clock);
        long signalRows = Objects.requireNonNullElse(tx.execute(status -> collectSignals(now)), 0L);
        Long lo = jdbc.sql("SELECT MIN(id) FROM customer").query(Long.class).optional().orElse(null);
        Long hi = jdbc.sql("SELECT MAX(id) FROM customer").query(Long.class).optional().orElse(null);
        long customers = 0;
        if (lo != null) {
            for (long from = lo; from <= hi; from += chunk) {
                long to = Math.min(hi, from + chunk - 1);
                long a = from;
                customers += Objects.requireNonNullElse(tx.execute(status -> refreshRange(a, to, s, now)), 0);
            }
        }
        tx.executeWithoutResult(status -> {
            lock();
            // customers never disappear, but a stats row for an id past the last customer would linger
            // NOT EXISTS, not NOT IN: PostgreSQL turns NOT IN over millions of ids that do not fit in
            // work_mem into a scan of the subquery per row
            jdbc.sql("DELETE FROM customer_stats s WHERE NOT EXISTS (SELECT 1 FROM customer c WHERE c.id = s.customer_id)")
                    .update();
            rollup.rebuildAll(now);
            appSettings.put(FINGERPRINT, s.toString());
        });
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("Customer stats refreshed: {} customers, {} signal rows in {} ms", customers, signalRows, millis);
        return new Result(customers, signalRows, millis);
    }

    /** Serialises the refreshes: each deletes and re-inserts rows, which two at once cannot do (see V15). */
    private void lock() {
        jdbc.sql("SELECT id FROM customer_stats_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
    }

    private int refreshRange(long from, long to, InsightSettings s, LocalDateTime now) {
        lock();
        jdbc.sql("DELETE FROM customer_stats WHERE customer_id BETWEEN :lo AND :hi")
                .param("lo", from).param("hi", to).update();
        return StatsSql.bind(jdbc.sql(StatsSql.insert("%1$s BETWEEN :lo AND :hi")), s, now)
                .param("lo", from).param("hi", to).update();
    }

    /**
     * Refreshes a few customers (a visit or profile written at the counter), inside the caller's
     * transaction if there is one. The segment rollup waits for the next import or full refresh: rebuilding an
     * outlet's cells for every single visit would cost more than the visit.
     */
    public void refreshCustomers(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        tx.executeWithoutResult(status -> {
            lock();
            jdbc.sql("DELETE FROM customer_stats WHERE customer_id IN (:ids)").param("ids", customerIds).update();
            StatsSql.bind(jdbc.sql(StatsSql.insert("%1$s IN (:ids)")), settings.current(), now)
                    .param("ids", customerIds).update();
        });
    }

    /** The segment cells and value shares of some outlets (and the units above them), after a customer import. */
    public void rebuildRollup(Collection<Long> outletIds) {
        if (outletIds.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            lock();
            rollup.rebuild(outletIds, LocalDateTime.now(clock));
        });
    }

    /**
     * Refreshes, inside the import's transaction, the customers named by an import's staging rows
     * (one statement for all of them), then the rollup of the outlets they belong to.
     *
     * @param customersSql a SELECT of customer ids, using the named parameter {@code id}
     */
    void refreshSet(String customersSql, String importId) {
        LocalDateTime now = LocalDateTime.now(clock);
        lock();
        jdbc.sql("DELETE FROM customer_stats WHERE customer_id IN (" + customersSql + ")")
                .param("id", importId).update();
        int refreshed = StatsSql.bind(jdbc.sql(StatsSql.insert("%1$s IN (" + customersSql + ")")),
                settings.current(), now).param("id", importId).update();
        if (refreshed > 0) {
            List<Long> outlets = jdbc.sql("SELECT DISTINCT c.home_outlet_id FROM customer c WHERE c.id IN ("
                    + customersSql + ")").param("id", importId).query(Long.class).list();
            rollup.rebuild(outlets, now);
        }
    }

    /** Empties customer_signal and lets every implementation stream into it, in batches. */
    private long collectSignals(LocalDateTime now) {
        jdbc.sql("DELETE FROM customer_signal").update();
        OffsetDateTime since = StatsSql.since(now).atZone(clock.getZone()).toOffsetDateTime();
        List<CustomerSignals.Signal> pending = new ArrayList<>(1000);
        long[] total = {0};
        for (CustomerSignals source : signals) {
            source.signalsSince(since, signal -> {
                pending.add(signal);
                if (pending.size() == 1000) {
                    total[0] += flush(pending);
                }
            });
            total[0] += flush(pending);
        }
        return total[0];
    }

    private int flush(List<CustomerSignals.Signal> pending) {
        if (pending.isEmpty()) {
            return 0;
        }
        batch.batchUpdate("INSERT INTO customer_signal (customer_id, complaints, satisfaction_sum, satisfaction_count) "
                + "VALUES (?, ?, ?, ?)", pending, pending.size(), (PreparedStatement ps, CustomerSignals.Signal sg) -> {
                    ps.setLong(1, sg.customerId());
                    ps.setInt(2, sg.complaints());
                    if (sg.satisfactionSum() == null) {
                        ps.setNull(3, Types.NUMERIC);
                    } else {
                        ps.setBigDecimal(3, sg.satisfactionSum());
                    }
                    ps.setInt(4, sg.satisfactionCount());
                });
        int n = pending.size();
        pending.clear();
        return n;
    }
}
