package com.serviceloop.organisation;

import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.Rows;
import com.serviceloop.platform.Text;
import java.util.List;
import java.util.Optional;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class OrgRepository {
    private static final String COLUMNS = "id, parent_id, kind, name, code, outlet_type, address, path, version";
    private final JdbcClient jdbc;

    public OrgRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<OrgUnit> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit ORDER BY path").query(Rows.of(OrgUnit.class)).list();
    }

    /** The unit and everything beneath it, in tree order. */
    public List<OrgUnit> findSubtree(String path) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit WHERE path LIKE :p ORDER BY path")
                .param("p", path + "%").query(Rows.of(OrgUnit.class)).list();
    }

    public Optional<OrgUnit> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit WHERE id = :id").param("id", id)
                .query(Rows.of(OrgUnit.class)).optional();
    }

    public Optional<OrgUnit> findByCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit WHERE code = :code").param("code", code)
                .query(Rows.of(OrgUnit.class)).optional();
    }

    /** The top of what a person scoped to this unit sees: the unit, or for a team the outlet it works in. */
    public Optional<OrgUnit> scopeRoot(long scopeUnitId) {
        return findById(scopeUnitId).map(u -> u.kind() == UnitKind.TEAM ? findById(u.parentId()).orElseThrow() : u);
    }

    /**
     * The outlets a person scoped to this unit works with. Asked on every scoped request, so each
     * instance keeps the answer for up to a minute; OrgService clears it on a change, and a change
     * made on another instance is in force everywhere within 60 s.
     */
    @Cacheable("outlet-scope")
    public OutletScope outletScope(long scopeUnitId) {
        return OutletScope.of(scopeRoot(scopeUnitId).map(u -> outletIdsUnder(u.path())).orElse(List.of()));
    }

    public List<Long> outletIdsUnder(String path) {
        return jdbc.sql("SELECT id FROM org_unit WHERE kind = 'OUTLET' AND path LIKE :p")
                .param("p", path + "%").query(Long.class).list();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM org_unit").query(Long.class).single() == 0;
    }

    public boolean codeTaken(String code, Long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE code = :code AND id <> :id")
                .param("code", code).param("id", exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    public long insert(Long parentId, OrgUnitForm f, String parentPath) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO org_unit (parent_id, kind, name, code, outlet_type, address)
                VALUES (:parent, :kind, :name, :code, :type, :address)""")
                .param("parent", parentId).param("kind", f.kind().name()).param("name", f.name().strip())
                .param("code", f.code().strip()).param("type", Text.blankToNull(f.outletType()))
                .param("address", Text.blankToNull(f.address()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("UPDATE org_unit SET path = :path WHERE id = :id")
                .param("path", parentPath + id + "/").param("id", id).update();
        return id;
    }

    /** Optimistic update: returns false when the version no longer matches. */
    public boolean update(long id, OrgUnitForm f, int version) {
        return jdbc.sql("""
                UPDATE org_unit SET name = :name, code = :code, outlet_type = :type, address = :address,
                       version = version + 1
                WHERE id = :id AND version = :version""")
                .param("name", f.name().strip()).param("code", f.code().strip())
                .param("type", Text.blankToNull(f.outletType())).param("address", Text.blankToNull(f.address()))
                .param("id", id).param("version", version).update() == 1;
    }

    void setTimeZone(long id, String zone) {
        jdbc.sql("UPDATE org_unit SET time_zone = :z WHERE id = :id").param("z", zone).param("id", id).update();
    }

    List<String> outletTypes() {
        return jdbc.sql("SELECT DISTINCT outlet_type FROM org_unit WHERE outlet_type IS NOT NULL ORDER BY 1")
                .query(String.class).list();
    }

    public long dependants(long id) {
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM org_unit WHERE parent_id = :id)
                     + (SELECT COUNT(*) FROM person WHERE scope_unit_id = :id OR team_id = :id)""")
                .param("id", id).query(Long.class).single();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM org_unit WHERE id = :id").param("id", id).update();
    }
}
