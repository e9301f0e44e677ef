package com.serviceloop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.TestDatabase;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Guards the test set-up itself: the PostgreSQL run really runs on PostgreSQL, in its own schema. */
// runs again on PostgreSQL in the build's second test execution (pom.xml: postgres-test)
@Tag("db")
@SpringBootTest
class DatabaseIntegrationTest {
    @Autowired Database database;
    @Autowired JdbcClient jdbc;

    @Test
    void runsOnTheDatabaseTheBuildAskedFor() {
        assertThat(database.isPostgres()).isEqualTo(TestDatabase.postgres());
        if (TestDatabase.postgres()) {
            assertThat(jdbc.sql("SELECT current_schema()").query(String.class).single()).startsWith("sl_test_");
            // db/vendor/postgresql: case search has its trigram indexes
            assertThat(jdbc.sql("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE '%trgm'")
                    .query(String.class).list()).containsExactlyInAnyOrder("support_case_description_trgm",
                    "support_case_remedy_trgm", "customer_name_trgm", "customer_phone_trgm");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success").query(Long.class).single())
                .isPositive();
    }

    @Test
    void aTimestampFallsOnTheDayAndWallClockTimeOfTheZoneAskedForWhateverTheServersZone() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        ZoneId newYork = ZoneId.of("America/New_York");
        assertThat(day("2026-11-25T15:59:59Z", shanghai)).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(day("2026-11-25T16:00:00Z", shanghai)).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(day("2026-11-26T04:59:59Z", newYork)).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(day("2026-11-26T05:00:00Z", newYork)).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(time("2026-11-25T16:30:15.250Z", shanghai)).isEqualTo(LocalDateTime.of(2026, 11, 26, 0, 30, 15, 250_000_000));
        // summer time: New York is UTC-4 in July
        assertThat(time("2026-07-01T03:30:00Z", newYork)).isEqualTo(LocalDateTime.of(2026, 6, 30, 23, 30));
    }

    private LocalDate day(String instant, ZoneId zone) {
        return jdbc.sql("SELECT " + database.localDay("x.t", zone) + " FROM (SELECT CAST(:t AS TIMESTAMP WITH TIME ZONE) AS t) x")
                .param("t", OffsetDateTime.parse(instant)).query(LocalDate.class).single();
    }

    private LocalDateTime time(String instant, ZoneId zone) {
        return jdbc.sql("SELECT " + database.localTime("x.t", zone) + " FROM (SELECT CAST(:t AS TIMESTAMP WITH TIME ZONE) AS t) x")
                .param("t", OffsetDateTime.parse(instant)).query(LocalDateTime.class).single();
    }
}
