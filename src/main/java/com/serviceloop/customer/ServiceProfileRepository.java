package com.serviceloop.customer;

import com.serviceloop.platform.OutletScope;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Versions of service profiles, keyed "type:&lt;outlet type&gt;" for a template and "outlet:&lt;id&gt;" for an outlet. */
@Repository
class ServiceProfileRepository {
    private final JdbcClient jdbc;

    ServiceProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(String outletType, Long outletId, int version, String body, String authorName, OffsetDateTime savedAt) {
    }

    static String templateKey(String outletType) {
        return "type:" + outletType;
    }

    static String outletKey(long outletId) {
        return "outlet:" + outletId;
    }

    Optional<Row> latest(OutletScope scope, String key) {
        return scope.bind(jdbc.sql("""
                SELECT outlet_type, outlet_id, version, body, author_name, saved_at FROM service_profile
                WHERE profile_key = :k AND %s ORDER BY version DESC FETCH FIRST 1 ROWS ONLY""".formatted(scoped(scope))))
                .param("k", key).query(Row.class).optional();
    }

    Optional<Row> version(OutletScope scope, String key, int version) {
        return scope.bind(jdbc.sql("""
                SELECT outlet_type, outlet_id, version, body, author_name, saved_at FROM service_profile
                WHERE profile_key = :k AND version = :v AND %s""".formatted(scoped(scope))))
                .param("k", key).param("v", version).query(Row.class).optional();
    }

    List<ServiceProfile.Version> versions(OutletScope scope, String key) {
        return scope.bind(jdbc.sql("""
                SELECT version, author_name, saved_at FROM service_profile WHERE profile_key = :k AND %s
                ORDER BY version DESC""".formatted(scoped(scope)))).param("k", key).query(ServiceProfile.Version.class).list();
    }

    int currentVersion(String key) {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM service_profile WHERE profile_key = :k")
                .param("k", key).query(Integer.class).single();
    }

    /** False when another save took this version number first (the unique key decides, not a read). */
    boolean insert(String key, String outletType, Long outletId, int version, String body, long authorId,
                   String authorName) {
        try {
            jdbc.sql("""
                    INSERT INTO service_profile (profile_key, outlet_type, outlet_id, version, body, author_id, author_name)
                    VALUES (:k, :t, :o, :v, :b, :aid, :an)""")
                    .param("k", key).param("t", outletType).param("o", outletId).param("v", version).param("b", body)
                    .param("aid", authorId).param("an", authorName).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Templates (no outlet) are for everyone; an outlet's versions only within the caller's scope. */
    private static String scoped(OutletScope scope) {
        return "(outlet_id IS NULL OR " + scope.sqlFilter("outlet_id") + ")";
    }
}
