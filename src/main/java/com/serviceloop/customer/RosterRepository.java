package com.serviceloop.customer;

import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.PageRequest;
import com.serviceloop.platform.PageResult;
import com.serviceloop.platform.Rows;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads customer_stats for the roster and for the customers behind a segment cell. */
@Repository
class RosterRepository {
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;

    RosterRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(1000);
        this.streaming = new NamedParameterJdbcTemplate(template);
    }

    private static String select(boolean contacts) {
        return """
                SELECT s.customer_id, c.member_no, c.name, %s, s.roster_group, s.tier, s.loyalty,
                       s.visits_365 AS visits365, s.visits_prev_365 AS visits_prev365, s.last_visit_at, s.would_recommend, s.customer_value,
                       s.mean_gap_days, CONCAT('/customers/', s.customer_id) AS link
                FROM customer_stats s JOIN customer c ON c.id = s.customer_id
                """.formatted(contacts ? "c.phone, c.email" : "CAST(NULL AS VARCHAR(40)) AS phone, "
                + "CAST(NULL AS VARCHAR(200)) AS email");
    }

    private static String rosterWhere(OutletScope scope, RosterGroup group) {
        return "WHERE s.outlet_id = :outlet AND " + (group == null ? "s.roster_group IS NOT NULL" : "s.roster_group = :group")
                + " AND " + scope.sqlFilter("s.outlet_id");
    }

    PageResult<RosterEntry> roster(OutletScope scope, long outletId, RosterQuery q, boolean contacts) {
        var list = scope.bind(jdbc.sql(select(contacts) + rosterWhere(scope, q.group()) + " ORDER BY " + q.sort().orderBy
                        + " LIMIT :limit OFFSET :offset"))
                .param("outlet", outletId).param("limit", q.page().size()).param("offset", q.page().offset());
        var count = scope.bind(jdbc.sql("SELECT COUNT(*) FROM customer_stats s " + rosterWhere(scope, q.group())))
                .param("outlet", outletId);
        if (q.group() != null) {
            list = list.param("group", q.group().name());
            count = count.param("group", q.group().name());
        }
        return new PageResult<>(list.query(Rows.of(RosterEntry.class)).list(), q.page().page(), q.page().size(),
                count.query(Long.class).single());
    }

    Map<RosterGroup, Long> groupCounts(OutletScope scope, long outletId) {
        Map<RosterGroup, Long> counts = new EnumMap<>(RosterGroup.class);
        for (RosterGroup g : RosterGroup.values()) {
            counts.put(g, 0L);
        }
        scope.bind(jdbc.sql("SELECT s.roster_group, COUNT(*) FROM customer_stats s WHERE s.outlet_id = :outlet AND "
                        + "s.roster_group IS NOT NULL AND " + scope.sqlFilter("s.outlet_id") + " GROUP BY s.roster_group"))
                .param("outlet", outletId)
                .query((rs, i) -> Map.entry(RosterGroup.valueOf(rs.getString(1)), rs.getLong(2))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    Optional<LocalDateTime> refreshedAt(long outletId) {
        return jdbc.sql("SELECT refreshed_at FROM customer_value_share WHERE unit_id = :u").param("u", outletId)
                .query(LocalDateTime.class).optional();
    }

    /** Streams a whole roster (for an export) without holding it in memory. */
    void forEach(OutletScope scope, long outletId, RosterQuery q, boolean contacts, Consumer<RosterEntry> action) {
        var params = new MapSqlParameterSource("outlet", outletId);
        if (!scope.all() && !scope.outletIds().isEmpty()) {
            params.addValue("scopeIds", scope.outletIds());
        }
        if (q.group() != null) {
            params.addValue("group", q.group().name());
        }
        var mapper = new DataClassRowMapper<>(RosterEntry.class);
        streaming.query(select(contacts) + rosterWhere(scope, q.group()) + " ORDER BY " + q.sort().orderBy, params,
                (ResultSet rs) -> {
                    int row = 0;
                    while (rs.next()) {
                        action.accept(mapper.mapRow(rs, row++));
                    }
                    return null;
                });
    }

    /** The customers of one segment cell under a unit (by the outlets' paths), most valuable first. */
    PageResult<RosterEntry> segment(OutletScope scope, String unitPath, FrequencyTier tier, LoyaltyClass loyalty,
                                    PageRequest page, boolean contacts) {
        String where = "WHERE s.outlet_id IN (SELECT o.id FROM org_unit o WHERE o.kind = 'OUTLET' AND o.path LIKE :path) "
                + "AND s.tier = :tier AND s.loyalty = :loyalty AND " + scope.sqlFilter("s.outlet_id");
        var list = scope.bind(jdbc.sql(select(contacts) + where + " ORDER BY s.customer_value DESC, s.customer_id "
                        + "LIMIT :limit OFFSET :offset"))
                .param("path", unitPath + "%").param("tier", tier.name()).param("loyalty", loyalty.name())
                .param("limit", page.size()).param("offset", page.offset());
        long total = scope.bind(jdbc.sql("SELECT COUNT(*) FROM customer_stats s " + where))
                .param("path", unitPath + "%").param("tier", tier.name()).param("loyalty", loyalty.name())
                .query(Long.class).single();
        return new PageResult<>(list.query(Rows.of(RosterEntry.class)).list(), page.page(), page.size(), total);
    }
}
