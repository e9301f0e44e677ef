package com.serviceloop;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With -Dserviceloop.test.db=postgres, points every test context at the PostgreSQL on
 * 127.0.0.1:5432 (database "test", or SERVICELOOP_TEST_PG_URL), in a schema made for this JVM and
 * dropped when it exits, so parallel or repeated runs never see each other's rows.
 */
public class TestDatabase implements EnvironmentPostProcessor {
    static final String BASE_URL = System.getenv().getOrDefault("SERVICELOOP_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("SERVICELOOP_TEST_PG_USER", "postgres");
    static final String SCHEMA = "sl_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private static boolean hookAdded;

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("serviceloop.test.db"));
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
        if (!postgres()) {
            return;
        }
        env.getPropertySources().addFirst(new MapPropertySource("serviceloop-test-postgres", Map.of(
                "spring.datasource.url", BASE_URL + "?currentSchema=" + SCHEMA,
                "spring.datasource.username", USER,
                "spring.datasource.password", "",
                "spring.flyway.schemas", SCHEMA,
                "spring.flyway.default-schema", SCHEMA,
                // each cached test context has its own pool: connections are opened on demand and handed back
                // when idle, so that the contexts together stay under PostgreSQL's 100
                "spring.datasource.hikari.minimum-idle", "0",
                "spring.datasource.hikari.idle-timeout", "10000")));
        dropSchemaOnExit();
    }

    private static synchronized void dropSchemaOnExit() {
        if (hookAdded) {
            return;
        }
        hookAdded = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(BASE_URL, USER, "")) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            } catch (SQLException e) {
                System.err.println("Could not drop test schema " + SCHEMA + ": " + e.getMessage());
            }
        }));
    }
}
