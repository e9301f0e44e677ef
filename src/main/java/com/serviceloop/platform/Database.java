package com.serviceloop.platform;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** Which database we run on, for the few statements that PostgreSQL can do better than portable SQL. */
@Component
public class Database {
    private final boolean postgres;

    public Database(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    public boolean isPostgres() {
        return postgres;
    }
}
