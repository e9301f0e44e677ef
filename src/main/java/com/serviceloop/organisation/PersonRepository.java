package com.serviceloop.organisation;

import com.serviceloop.platform.PageRequest;
import com.serviceloop.platform.PageResult;
import com.serviceloop.platform.Rows;
import com.serviceloop.platform.Text;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class PersonRepository {
    private static final String COLUMNS =
            "id, username, password_hash, display_name, role, scope_unit_id, team_id, email, phone, active, version";
    private final JdbcClient jdbc;

    public PersonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Person> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM person WHERE id = :id").param("id", id)
                .query(Rows.of(Person.class)).optional();
    }

    public Optional<Person> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM person WHERE username = :u").param("u", username)
                .query(Rows.of(Person.class)).optional();
    }

    public PageResult<Person> search(String q, PageRequest page) {
        String where = q == null || q.isBlank() ? "1=1"
                : "(LOWER(display_name) LIKE :q OR LOWER(username) LIKE :q OR LOWER(email) LIKE :q)";
        String like = q == null ? null : "%" + q.strip().toLowerCase() + "%";
        var count = jdbc.sql("SELECT COUNT(*) FROM person WHERE " + where);
        var list = jdbc.sql("SELECT " + COLUMNS + " FROM person WHERE " + where
                + " ORDER BY display_name, id LIMIT :limit OFFSET :offset")
                .param("limit", page.size()).param("offset", page.offset());
        if (like != null && !q.isBlank()) {
            count = count.param("q", like);
            list = list.param("q", like);
        }
        return new PageResult<>(list.query(Rows.of(Person.class)).list(), page.page(), page.size(),
                count.query(Long.class).single());
    }

    /** Active staff and managers who sign in: all of them for null, else those scoped to one of the units. */
    public List<Person> activeSignInStaff(Collection<Long> scopeUnitIds) {
        if (scopeUnitIds != null && scopeUnitIds.isEmpty()) {
            return List.of();
        }
        var sql = jdbc.sql("SELECT " + COLUMNS + " FROM person WHERE active = TRUE AND username IS NOT NULL "
                + "AND role IN ('MANAGER', 'STAFF')" + (scopeUnitIds == null ? "" : " AND scope_unit_id IN (:units)")
                + " ORDER BY display_name LIMIT 500");
        return (scopeUnitIds == null ? sql : sql.param("units", scopeUnitIds)).query(Rows.of(Person.class)).list();
    }

    public boolean usernameTaken(String username, Long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM person WHERE username = :u AND id <> :id")
                .param("u", username).param("id", exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    public List<Long> activeStaffIds(long scopeUnitId) {
        return jdbc.sql("SELECT id FROM person WHERE scope_unit_id = :o AND role IN ('STAFF', 'MANAGER') AND active "
                + "ORDER BY id").param("o", scopeUnitId).query(Long.class).list();
    }

    public long countAdmins() {
        return jdbc.sql("SELECT COUNT(*) FROM person WHERE role = 'ADMIN' AND active").query(Long.class).single();
    }

    public long insert(PersonForm f, String passwordHash) {
        var keys = new GeneratedKeyHolder();
        bind(jdbc.sql("""
                INSERT INTO person (display_name, username, password_hash, role, scope_unit_id, team_id, email, phone, active)
                VALUES (:name, :username, :hash, :role, :scope, :team, :email, :phone, :active)"""), f)
                .param("hash", passwordHash)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Optimistic update; a null hash keeps the current password. */
    public boolean update(long id, PersonForm f, String passwordHash, int version) {
        return bind(jdbc.sql("""
                UPDATE person SET display_name = :name, username = :username,
                       password_hash = COALESCE(:hash, password_hash), role = :role, scope_unit_id = :scope,
                       team_id = :team, email = :email, phone = :phone, active = :active, version = version + 1
                WHERE id = :id AND version = :version"""), f)
                .param("hash", passwordHash).param("id", id).param("version", version).update() == 1;
    }

    public Optional<Person> findByExternalId(String externalId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM person WHERE external_id = :x").param("x", externalId)
                .query(Rows.of(Person.class)).optional();
    }

    /** Whether the person signs in through a single sign-on provider or the directory (and so has no local password). */
    public boolean isExternal(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM person WHERE id = :id AND external_id IS NOT NULL").param("id", id)
                .query(Long.class).single() > 0;
    }

    /** A person met at their first single sign-on: no password, their role and scope from the mapping. */
    public long insertExternal(String externalId, String username, String displayName, String email, Role role,
                               Long scopeUnitId, Long teamId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO person (external_id, username, display_name, email, role, scope_unit_id, team_id, active)
                VALUES (:x, :username, :name, :email, :role, :scope, :team, TRUE)""")
                .param("x", externalId).param("username", username).param("name", displayName).param("email", email)
                .param("role", role.name()).param("scope", scopeUnitId).param("team", teamId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** At each single sign-on the provider's name, e-mail and the mapping's role and scope replace what was kept. */
    public void updateFromDirectory(long id, String username, String displayName, String email, Role role,
                                    Long scopeUnitId, Long teamId) {
        jdbc.sql("""
                UPDATE person SET username = :username, display_name = :name, email = COALESCE(:email, email),
                       role = :role, scope_unit_id = :scope, team_id = :team, version = version + 1
                WHERE id = :id""")
                .param("username", username).param("name", displayName).param("email", email)
                .param("role", role.name()).param("scope", scopeUnitId).param("team", teamId).param("id", id)
                .update();
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, PersonForm f) {
        return spec.param("name", f.displayName().strip())
                .param("username", Text.blankToNull(f.username()))
                .param("role", f.role().name()).param("scope", f.scopeUnitId()).param("team", f.teamId())
                .param("email", Text.blankToNull(f.email()))
                .param("phone", Text.blankToNull(f.phone()))
                .param("active", f.active() == null || f.active());
    }
}
