package com.serviceloop.customer;

import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.PageRequest;
import com.serviceloop.platform.PageResult;
import com.serviceloop.platform.Rows;
import com.serviceloop.platform.Text;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CustomerRepository {
    static final String SELECT = """
            SELECT c.id, c.member_no, c.name, c.phone, c.email, c.home_outlet_id, o.name AS home_outlet_name,
                   c.gender, c.age_band, c.income_band, c.education, c.social_class, c.values_note, c.attitudes,
                   c.habits, c.preferences, c.expectations, c.would_recommend, c.consent_contact,
                   c.consent_survey, c.consent_analysis, c.created_at, c.updated_at, c.version
            FROM customer c JOIN org_unit o ON o.id = c.home_outlet_id""";
    private final JdbcClient jdbc;

    private final NamedParameterJdbcTemplate streaming;

    public CustomerRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        // A fetch size makes PostgreSQL use a cursor (inside a transaction) instead of loading every row.
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(1000);
        this.streaming = new NamedParameterJdbcTemplate(template);
    }

    /** Search by name (contains), phone (starts with) or member number (exact), within scope. */
    public PageResult<Customer> search(OutletScope scope, String q, PageRequest page) {
        String where = " WHERE " + scope.sqlFilter("c.home_outlet_id");
        boolean hasQ = q != null && !q.isBlank();
        if (hasQ) {
            where += " AND (LOWER(c.name) LIKE :contains OR c.phone LIKE :prefix OR c.member_no = :exact)";
        }
        var count = scope.bind(jdbc.sql("SELECT COUNT(*) FROM customer c" + where));
        var list = scope.bind(jdbc.sql(SELECT + where + " ORDER BY c.name, c.id LIMIT :limit OFFSET :offset"))
                .param("limit", page.size()).param("offset", page.offset());
        if (hasQ) {
            String s = q.strip();
            count = count.param("contains", "%" + s.toLowerCase() + "%").param("prefix", s + "%").param("exact", s);
            list = list.param("contains", "%" + s.toLowerCase() + "%").param("prefix", s + "%").param("exact", s);
        }
        return new PageResult<>(list.query(Rows.of(Customer.class)).list(), page.page(), page.size(),
                count.query(Long.class).single());
    }

    public Optional<Customer> findById(OutletScope scope, long id) {
        return scope.bind(jdbc.sql(SELECT + " WHERE c.id = :id AND " + scope.sqlFilter("c.home_outlet_id")))
                .param("id", id).query(Rows.of(Customer.class)).optional();
    }

    /** Ignores scope: used to tell "taken by someone you cannot see" from "free". */
    public Optional<Long> idByMemberNo(String memberNo) {
        return jdbc.sql("SELECT id FROM customer WHERE member_no = :m").param("m", memberNo).query(Long.class).optional();
    }

    public long insert(CustomerForm f) {
        var keys = new GeneratedKeyHolder();
        bind(jdbc.sql("""
                INSERT INTO customer (member_no, name, phone, email, home_outlet_id, gender, age_band, income_band,
                    education, social_class, values_note, attitudes, habits, preferences, expectations,
                    would_recommend, consent_contact, consent_survey, consent_analysis)
                VALUES (:memberNo, :name, :phone, :email, :outlet, :gender, :ageBand, :incomeBand, :education,
                    :socialClass, :valuesNote, :attitudes, :habits, :preferences, :expectations, :recommend,
                    :consentContact, :consentSurvey, :consentAnalysis)"""), f).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Optimistic update; false when someone else changed the row first. */
    public boolean update(long id, CustomerForm f, int version) {
        return bind(jdbc.sql("""
                UPDATE customer SET member_no = :memberNo, name = :name, phone = :phone, email = :email,
                    home_outlet_id = :outlet, gender = :gender, age_band = :ageBand, income_band = :incomeBand,
                    education = :education, social_class = :socialClass, values_note = :valuesNote,
                    attitudes = :attitudes, habits = :habits, preferences = :preferences,
                    expectations = :expectations, would_recommend = :recommend, consent_contact = :consentContact,
                    consent_survey = :consentSurvey, consent_analysis = :consentAnalysis,
                    updated_at = CURRENT_TIMESTAMP, version = version + 1
                WHERE id = :id AND version = :version"""), f)
                .param("id", id).param("version", version).update() == 1;
    }

    /** Streams every customer in scope, in member-number order, without holding them in memory. */
    public void forEach(OutletScope scope, Consumer<Customer> action) {
        var params = new MapSqlParameterSource();
        if (!scope.all() && !scope.outletIds().isEmpty()) {
            params.addValue("scopeIds", scope.outletIds());
        }
        var mapper = new DataClassRowMapper<>(Customer.class);
        streaming.query(SELECT + " WHERE " + scope.sqlFilter("c.home_outlet_id") + " ORDER BY c.member_no", params,
                (ResultSet rs) -> {
                    int row = 0;
                    while (rs.next()) {
                        action.accept(mapper.mapRow(rs, row++));
                    }
                    return null;
                });
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, CustomerForm f) {
        return spec.param("memberNo", f.memberNo().strip()).param("name", f.name().strip())
                .param("phone", Text.blankToNull(f.phone())).param("email", Text.blankToNull(f.email()))
                .param("outlet", f.homeOutletId()).param("gender", name(f.gender()))
                .param("ageBand", name(f.ageBand())).param("incomeBand", name(f.incomeBand()))
                .param("education", name(f.education())).param("socialClass", name(f.socialClass()))
                .param("valuesNote", Text.blankToNull(f.valuesNote())).param("attitudes", Text.blankToNull(f.attitudes()))
                .param("habits", Text.blankToNull(f.habits())).param("preferences", Text.blankToNull(f.preferences()))
                .param("expectations", Text.blankToNull(f.expectations())).param("recommend", f.wouldRecommend())
                .param("consentContact", Boolean.TRUE.equals(f.consentContact()))
                .param("consentSurvey", Boolean.TRUE.equals(f.consentSurvey()))
                .param("consentAnalysis", Boolean.TRUE.equals(f.consentAnalysis()));
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
