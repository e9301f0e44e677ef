package com.serviceloop.organisation;

import com.serviceloop.platform.Rows;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class SignInRuleRepository {
    private static final String COLUMNS = "id, position, claim, pattern, role, unit_code, version";
    private final JdbcClient jdbc;

    SignInRuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SignInRule> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sign_in_rule ORDER BY position, id")
                .query(Rows.of(SignInRule.class)).list();
    }

    Optional<SignInRule> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sign_in_rule WHERE id = :id").param("id", id)
                .query(Rows.of(SignInRule.class)).optional();
    }

    int nextPosition() {
        return jdbc.sql("SELECT COALESCE(MAX(position), 0) + 10 FROM sign_in_rule").query(Integer.class).single();
    }

    long insert(int position, String claim, String pattern, Role role, String unitCode) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sign_in_rule (position, claim, pattern, role, unit_code)
                VALUES (:position, :claim, :pattern, :role, :unit)""")
                .param("position", position).param("claim", claim).param("pattern", pattern)
                .param("role", role.name()).param("unit", unitCode)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Optimistic update: false when the version no longer matches. */
    boolean update(long id, int position, String claim, String pattern, Role role, String unitCode, int version) {
        return jdbc.sql("""
                UPDATE sign_in_rule SET position = :position, claim = :claim, pattern = :pattern, role = :role,
                       unit_code = :unit, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("position", position).param("claim", claim).param("pattern", pattern)
                .param("role", role.name()).param("unit", unitCode).param("id", id).param("version", version)
                .update() == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM sign_in_rule WHERE id = :id").param("id", id).update() == 1;
    }
}
