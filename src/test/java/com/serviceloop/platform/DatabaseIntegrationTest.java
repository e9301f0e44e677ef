package com.serviceloop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Guards the test set-up itself: the PostgreSQL run really runs on PostgreSQL, in its own schema. */
@SpringBootTest
class DatabaseIntegrationTest {
    @Autowired Database database;
    @Autowired JdbcClient jdbc;

    @Test
    void runsOnTheDatabaseTheBuildAskedFor() {
        assertThat(database.isPostgres()).isEqualTo(TestDatabase.postgres());
        if (TestDatabase.postgres()) {
            assertThat(jdbc.sql("SELECT current_schema()").query(String.class).single()).startsWith("sl_test_");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success").query(Long.class).single())
                .isPositive();
    }
}
