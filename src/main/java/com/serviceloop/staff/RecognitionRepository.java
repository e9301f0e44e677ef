package com.serviceloop.staff;

import com.serviceloop.platform.OutletScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Recognition notes, and the people and teams they are written to (read from the organisation's tables). */
@Repository
class RecognitionRepository {
    private static final String SELECT = """
            SELECT n.id, n.outlet_id, o.name, n.person_id, p.display_name, n.team_id, t.name, n.writer_id, w.display_name,
                   n.what_done, n.standard_id, n.step_id, n.link_kind, n.link_id, n.written_at
            FROM staff_recognition n JOIN org_unit o ON o.id = n.outlet_id LEFT JOIN person p ON p.id = n.person_id
            LEFT JOIN org_unit t ON t.id = n.team_id JOIN person w ON w.id = n.writer_id
            """;
    private final JdbcClient jdbc;

    RecognitionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A person who can receive a note: their outlet (of their scope unit, else of their team) and team. */
    record Recipient(long id, String name, Long outletId, Long teamId, boolean active) {
    }

    Optional<Recipient> person(long id) {
        return jdbc.sql("""
                SELECT p.id, p.display_name,
                       COALESCE(CASE WHEN u.kind = 'OUTLET' THEN u.id WHEN u.kind = 'TEAM' THEN u.parent_id END, t.parent_id),
                       p.team_id, p.active
                FROM person p LEFT JOIN org_unit u ON u.id = p.scope_unit_id LEFT JOIN org_unit t ON t.id = p.team_id
                WHERE p.id = :id""").param("id", id)
                .query((rs, i) -> new Recipient(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class),
                        (Long) rs.getObject(4, Long.class), rs.getBoolean(5))).optional();
    }

    /** A team: its name and outlet. */
    record Team(long id, String name, long outletId, String outletType) {
    }

    Optional<Team> team(long id) {
        return jdbc.sql("SELECT t.id, t.name, o.id, o.outlet_type FROM org_unit t JOIN org_unit o ON o.id = t.parent_id "
                        + "WHERE t.id = :id AND t.kind = 'TEAM' AND o.kind = 'OUTLET'").param("id", id)
                .query((rs, i) -> new Team(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4))).optional();
    }

    Optional<String> outletType(long outletId) {
        return jdbc.sql("SELECT outlet_type FROM org_unit WHERE id = :id").param("id", outletId).query(String.class).optional();
    }

    long insert(long outletId, Long personId, Long teamId, long writerId, RecognitionForm f, OffsetDateTime at, LocalDate day) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO staff_recognition (outlet_id, person_id, team_id, writer_id, what_done, standard_id, step_id,
                    link_kind, link_id, written_at, written_on)
                VALUES (:outlet, :person, :team, :writer, :text, :standard, :step, :kind, :link, :at, :day)""")
                .param("outlet", outletId).param("person", personId).param("team", teamId).param("writer", writerId)
                .param("text", f.text().strip()).param("standard", f.standardId()).param("step", f.stepId())
                .param("kind", f.sourceKind() == null ? null : f.sourceKind().name()).param("link", f.sourceId())
                .param("at", at).param("day", day).update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<RecognitionNote> find(OutletScope scope, long id) {
        return scope.bind(jdbc.sql(SELECT + " WHERE n.id = :id AND " + scope.sqlFilter("n.outlet_id"))).param("id", id)
                .query(RecognitionRepository::note).optional();
    }

    /** Notes to the person, newest first. */
    List<RecognitionNote> toPerson(long personId, int limit) {
        return jdbc.sql(SELECT + " WHERE n.person_id = :p ORDER BY n.written_at DESC, n.id DESC LIMIT :limit")
                .param("p", personId).param("limit", limit).query(RecognitionRepository::note).list();
    }

    /** Notes to the team and to its members, newest first. */
    List<RecognitionNote> toTeam(OutletScope scope, long teamId, int limit) {
        return scope.bind(jdbc.sql(SELECT + " WHERE (n.team_id = :t OR p.team_id = :t) AND " + scope.sqlFilter("n.outlet_id")
                        + " ORDER BY n.written_at DESC, n.id DESC LIMIT :limit")).param("t", teamId).param("limit", limit)
                .query(RecognitionRepository::note).list();
    }

    /** Notes written at the outlet, newest first. */
    List<RecognitionNote> atOutlet(OutletScope scope, long outletId, int limit) {
        return scope.bind(jdbc.sql(SELECT + " WHERE n.outlet_id = :o AND " + scope.sqlFilter("n.outlet_id")
                        + " ORDER BY n.written_at DESC, n.id DESC LIMIT :limit")).param("o", outletId).param("limit", limit)
                .query(RecognitionRepository::note).list();
    }

    /** Of the given links, those a note already points at. */
    Set<Long> linked(RecognitionLink kind, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT DISTINCT link_id FROM staff_recognition WHERE link_kind = :k AND link_id IN (:ids)")
                .param("k", kind.name()).param("ids", ids).query(Long.class).list());
    }

    /** Display names of the given people. */
    Map<Long, String> names(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> out = new HashMap<>();
        jdbc.sql("SELECT id, display_name FROM person WHERE id IN (:ids)").param("ids", ids)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    /** Someone or some team a note can go to, for the writer's picker. */
    record Choice(long id, String name, String outletName) {
    }

    /** Active people working at the scope's outlets (by scope unit or team), by outlet and name. */
    List<Choice> people(OutletScope scope) {
        return scope.bind(jdbc.sql("""
                SELECT p.id, p.display_name, o.name FROM person p LEFT JOIN org_unit u ON u.id = p.scope_unit_id
                LEFT JOIN org_unit t ON t.id = p.team_id
                JOIN org_unit o ON o.id = COALESCE(CASE WHEN u.kind = 'OUTLET' THEN u.id WHEN u.kind = 'TEAM' THEN u.parent_id END,
                                                   t.parent_id)
                WHERE p.active = TRUE AND o.kind = 'OUTLET' AND""" + " " + scope.sqlFilter("o.id") + " ORDER BY o.name, p.display_name, p.id LIMIT 2000"))
                .query((rs, i) -> new Choice(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** The teams of the scope's outlets. */
    List<Choice> teams(OutletScope scope) {
        return scope.bind(jdbc.sql("SELECT t.id, t.name, o.name FROM org_unit t JOIN org_unit o ON o.id = t.parent_id "
                        + "WHERE t.kind = 'TEAM' AND o.kind = 'OUTLET' AND " + scope.sqlFilter("o.id") + " ORDER BY o.name, t.name, t.id"))
                .query((rs, i) -> new Choice(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    private static RecognitionNote note(ResultSet rs, int i) throws SQLException {
        String kind = rs.getString(13);
        return new RecognitionNote(rs.getLong(1), rs.getLong(2), rs.getString(3), (Long) rs.getObject(4, Long.class),
                rs.getString(5), (Long) rs.getObject(6, Long.class), rs.getString(7), rs.getLong(8), rs.getString(9),
                rs.getString(10), (Long) rs.getObject(11, Long.class), (Long) rs.getObject(12, Long.class),
                kind == null ? null : RecognitionLink.valueOf(kind), (Long) rs.getObject(14, Long.class),
                rs.getObject(15, OffsetDateTime.class));
    }
}
