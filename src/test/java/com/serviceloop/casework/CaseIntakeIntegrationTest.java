package com.serviceloop.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import com.serviceloop.platform.GroupCommit;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Cases recorded at many counters at once are each stored whole, and one that cannot be stored spoils no other. */
class CaseIntakeIntegrationTest extends ApiTest {
    @Autowired CaseIntake intake;
    @Autowired JdbcClient jdbc;

    private long count(String sql, Long outletId) {
        return jdbc.sql(sql).param("o", outletId).query(Long.class).single();
    }

    @Test
    void casesRecordedAtOnceAreEachStoredWithTheirHistoryAndClocks() throws Exception {
        fixtures.admin();
        Fixtures.Chain chain = fixtures.chain();
        AppUser staff = fixtures.person(Role.STAFF, chain.outletA().id());
        String token = token(staff);
        long outlet = chain.outletA().id();

        ExecutorService pool = Executors.newFixedThreadPool(20);
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        Map<Long, String> descriptions = new ConcurrentHashMap<>();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String description = "Counter complaint number " + i;
            done.add(pool.submit(() -> {
                JsonNode c = body(postJson("/api/v1/cases", token, Map.of("outletId", outlet, "channel", "COUNTER",
                        "caseType", "COMPLAINT", "severity", "MEDIUM", "description", description)));
                assertThat(c.get("status").asText()).isEqualTo("RECEIVED");
                assertThat(c.get("ownerId").asLong()).isEqualTo(staff.id());
                assertThat(c.get("outletName").asText()).isEqualTo(chain.outletA().name());
                ids.add(c.get("id").asLong());
                descriptions.put(c.get("id").asLong(), c.get("description").asText());
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        assertThat(ids).hasSize(150);
        // each answer describes its own case, not a neighbour's from the same batch
        for (Map.Entry<Long, String> e : descriptions.entrySet()) {
            assertThat(jdbc.sql("SELECT description FROM support_case WHERE id = :id").param("id", e.getKey())
                    .query(String.class).single()).isEqualTo(e.getValue());
        }
        assertThat(count("SELECT COUNT(*) FROM support_case WHERE outlet_id = :o", outlet)).isEqualTo(150);
        assertThat(count("""
                SELECT COUNT(*) FROM case_event e JOIN support_case c ON c.id = e.case_id
                WHERE c.outlet_id = :o AND e.kind = 'CREATED' AND e.to_status = 'RECEIVED'""", outlet)).isEqualTo(150);
        assertThat(count("""
                SELECT COUNT(*) FROM case_clock k JOIN support_case c ON c.id = k.case_id
                WHERE c.outlet_id = :o AND k.due_at IS NOT NULL AND k.warn_at < k.due_at""", outlet)).isEqualTo(300);
    }

    @Test
    void aCaseThatCannotBeStoredIsRefusedAloneAndTheOthersOfItsBatchAreStored() throws Exception {
        fixtures.admin();
        Fixtures.Chain chain = fixtures.chain();
        AppUser staff = fixtures.person(Role.STAFF, chain.outletA().id());
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
        var deadline = new CaseClocks.Deadline(now.plusHours(1), now.plusHours(2));
        List<GroupCommit.Pending<CaseIntake.NewCase, SupportCase>> batch = new ArrayList<>();
        for (long outlet : List.of(chain.outletA().id(), Long.MAX_VALUE, chain.outletA().id())) {
            batch.add(new GroupCommit.Pending<>(new CaseIntake.NewCase(outlet, null, Channel.PHONE, CaseType.REQUEST,
                    Severity.LOW, "Batch case for outlet " + outlet, null, null, staff.id(), now, deadline, deadline)));
        }
        intake.flush(batch);

        assertThat(batch.get(0).result().get().outletId()).isEqualTo(chain.outletA().id());
        assertThat(batch.get(2).result().get().description()).isEqualTo("Batch case for outlet " + chain.outletA().id());
        assertThatThrownBy(() -> batch.get(1).result().get()).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(DataIntegrityViolationException.class);
        assertThat(count("SELECT COUNT(*) FROM support_case WHERE outlet_id = :o AND case_type = 'REQUEST'",
                chain.outletA().id())).isEqualTo(2);
        assertThat(count("""
                SELECT COUNT(*) FROM case_clock k JOIN support_case c ON c.id = k.case_id
                WHERE c.outlet_id = :o AND c.case_type = 'REQUEST'""", chain.outletA().id())).isEqualTo(4);
    }
}
