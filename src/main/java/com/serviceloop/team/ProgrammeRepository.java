package com.serviceloop.team;

import com.serviceloop.platform.Rows;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ProgrammeRepository {
    private static final String COLUMNS = "SELECT p.id, p.name, p.outlet_type, p.description, p.created_at, p.version"
            + " FROM team_programme p";
    private final JdbcClient jdbc;

    ProgrammeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long id, String name, String outletType, String description, OffsetDateTime createdAt,
                       int version) {
    }

    /** Programmes of one outlet type and the chain-wide ones (outletType null: every programme). */
    List<Programme> list(String outletType) {
        // PostgreSQL cannot type a parameter that is only compared with NULL, so the filter is left out instead
        String order = " ORDER BY p.outlet_type NULLS FIRST, p.name, p.id";
        List<Row> rows = outletType == null ? jdbc.sql(COLUMNS + order).query(Rows.of(Row.class)).list()
                : jdbc.sql(COLUMNS + " WHERE p.outlet_type IS NULL OR p.outlet_type = :type" + order)
                        .param("type", outletType).query(Rows.of(Row.class)).list();
        Map<Long, List<Long>> standards = standardIds(rows.stream().map(Row::id).toList());
        return rows.stream().map(r -> programme(r, standards.getOrDefault(r.id(), List.of()))).toList();
    }

    Optional<Programme> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE p.id = :id").param("id", id).query(Rows.of(Row.class)).optional()
                .map(r -> programme(r, standardIds(List.of(id)).getOrDefault(id, List.of())));
    }

    private static Programme programme(Row r, List<Long> standardIds) {
        return new Programme(r.id(), r.name(), r.outletType(), r.description(), standardIds, r.createdAt(), r.version());
    }

    private Map<Long, List<Long>> standardIds(Collection<Long> ids) {
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT programme_id, standard_id FROM team_programme_standard
                        WHERE programme_id IN (:ids) ORDER BY programme_id, sort_order""")
                .param("ids", ids)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        return out;
    }

    boolean nameTaken(String name, String outletType, Long exceptId) {
        var spec = jdbc.sql("SELECT COUNT(*) FROM team_programme WHERE name = :name AND id <> :except AND "
                        + (outletType == null ? "outlet_type IS NULL" : "outlet_type = :type"))
                .param("name", name).param("except", exceptId == null ? -1L : exceptId);
        return (outletType == null ? spec : spec.param("type", outletType)).query(Long.class).single() > 0;
    }

    long insert(String name, String outletType, String description, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO team_programme (name, outlet_type, description, created_at)
                        VALUES (:name, :type, :description, :now)""")
                .param("name", name).param("type", outletType).param("description", description).param("now", now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Compare-and-set on the version: false when someone else saved the programme first. */
    boolean update(long id, int version, String name, String outletType, String description) {
        return jdbc.sql("""
                        UPDATE team_programme SET name = :name, outlet_type = :type, description = :description,
                        version = version + 1 WHERE id = :id AND version = :version""")
                .param("name", name).param("type", outletType).param("description", description).param("id", id)
                .param("version", version).update() == 1;
    }

    void replaceStandards(long id, List<Long> standardIds) {
        jdbc.sql("DELETE FROM team_programme_standard WHERE programme_id = :id").param("id", id).update();
        for (int i = 0; i < standardIds.size(); i++) {
            jdbc.sql("INSERT INTO team_programme_standard (programme_id, standard_id, sort_order) VALUES (:p, :s, :o)")
                    .param("p", id).param("s", standardIds.get(i)).param("o", i).update();
        }
    }

    /** Whether any session or evaluation refers to the programme, anywhere in the chain (a delete would lose them). */
    boolean inUse(long id) {
        return jdbc.sql("""
                        SELECT (SELECT COUNT(*) FROM team_training_session WHERE programme_id = :id)
                             + (SELECT COUNT(*) FROM team_training_evaluation WHERE programme_id = :id)""")
                .param("id", id).query(Long.class).single() > 0;
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM team_programme WHERE id = :id").param("id", id).update() == 1;
    }

    /** The programmes teaching each of the given standards, for "where to learn it" next to a gap. */
    Map<Long, List<Long>> teaching(Collection<Long> standardIds) {
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        if (standardIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT standard_id, programme_id FROM team_programme_standard
                        WHERE standard_id IN (:ids) ORDER BY standard_id, programme_id""")
                .param("ids", standardIds)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        return out;
    }
}
