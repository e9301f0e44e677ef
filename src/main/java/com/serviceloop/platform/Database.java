package com.serviceloop.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
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

    /**
     * The calendar day in {@code zone} of a TIMESTAMP WITH TIME ZONE column. H2 casts such a value
     * to DATE or TIMESTAMP through the JVM's zone even after AT TIME ZONE, so on H2 the value is
     * written out in the zone and read back.
     */
    public String localDay(String column, ZoneId zone) {
        return postgres ? "CAST(" + column + " AT TIME ZONE '" + zone.getId() + "' AS DATE)"
                : "CAST(FORMATDATETIME(" + column + ", 'yyyy-MM-dd', 'en', '" + zone.getId() + "') AS DATE)";
    }

    /** The wall-clock time in {@code zone} (a TIMESTAMP) of a TIMESTAMP WITH TIME ZONE column; see {@link #localDay}. */
    public String localTime(String column, ZoneId zone) {
        return postgres ? "CAST(" + column + " AT TIME ZONE '" + zone.getId() + "' AS TIMESTAMP)"
                : "CAST(FORMATDATETIME(" + column + ", 'yyyy-MM-dd HH:mm:ss.SSSSSS', 'en', '" + zone.getId()
                        + "') AS TIMESTAMP)";
    }

    /** The first day, in {@code zone}, of the month of a TIMESTAMP WITH TIME ZONE column (a DATE); see {@link #localDay}. */
    public String localMonth(String column, ZoneId zone) {
        return postgres ? "CAST(date_trunc('month', " + column + " AT TIME ZONE '" + zone.getId() + "') AS DATE)"
                : "CAST(FORMATDATETIME(" + column + ", 'yyyy-MM-01', 'en', '" + zone.getId() + "') AS DATE)";
    }
}
