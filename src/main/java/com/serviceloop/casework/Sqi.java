package com.serviceloop.casework;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.platform.AppSettings;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.PageRequest;
import com.serviceloop.platform.PageResult;
import com.serviceloop.platform.Rows;
import com.serviceloop.platform.Text;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * The Service Quality Indicator: every failure event counts its type's weight, and the SQI of a
 * day is the weighted sum. Late resolutions, late first responses and reopened complaints are
 * recorded from the cases themselves; other failures (a medicine out of stock, a lost item) are
 * entered or sent by other systems. A failure type belongs to one industry (a pharmacy records no
 * missed pick-ups) or to all; the industry of an outlet's type decides (see {@link CaseTopics}).
 * Lower is better; the target is weighted failures per 1,000 visits.
 */
@Service
class Sqi {
    private final JdbcClient jdbc;
    private final OrgService org;
    private final Clock clock;
    private final CaseTopics topics;
    private final AppSettings settings;

    public Sqi(JdbcClient jdbc, OrgService org, Clock clock, CaseTopics topics, AppSettings settings) {
        this.jdbc = jdbc;
        this.org = org;
        this.clock = clock;
        this.topics = topics;
        this.settings = settings;
    }

    /** industry null: the type counts in every industry. */
    public record FailureType(String code, String nameEn, String nameZh, int weight, boolean active, int sortOrder,
                              String industry) {
    }

    /** industry: left out keeps a type's industry (a new type: every industry); blank means every industry. */
    public record FailureTypeForm(
            @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Z0-9_]+", message = "{validation.code}") String code,
            @NotBlank @Size(max = 100) String nameEn, @NotBlank @Size(max = 100) String nameZh,
            @NotNull @Min(0) @Max(1000) Integer weight, Boolean active, @Size(max = 40) String industry) {
    }

    /** The target, in weighted failures per 1,000 visits, until an administrator sets another. */
    static final double DEFAULT_TARGET = 30.0;
    private static final String TARGET_KEY = "casework.sqi.target";

    public double target() {
        String v = settings.under(TARGET_KEY).get("");
        return v == null ? DEFAULT_TARGET : Double.parseDouble(v);
    }

    public void setTarget(double perThousand) {
        if (!(perThousand >= 0 && perThousand <= 100000)) {
            throw BadInputException.of("target", "error.casework.sqiTarget");
        }
        settings.put(TARGET_KEY, Double.toString(perThousand));
    }

    public record Event(long id, long outletId, String outletName, String failureCode, LocalDate occurredOn, int quantity,
                        int weight, Long caseId, String note, OffsetDateTime createdAt) {
    }

    public record EventForm(@NotNull Long outletId, @NotBlank @Size(max = 32) String failureCode,
                            @NotNull LocalDate occurredOn, @Min(1) @Max(100000) Integer quantity,
                            @Size(max = 300) String note) {
    }

    public List<FailureType> types() {
        return jdbc.sql("SELECT code, name_en, name_zh, weight, active, sort_order, industry FROM sqi_failure_type "
                + "ORDER BY sort_order, code").query(Rows.of(FailureType.class)).list();
    }

    /** The types that count in one of these industries, or in all. */
    public List<FailureType> types(Collection<String> industries) {
        return types().stream().filter(t -> t.industry() == null || industries.contains(t.industry())).toList();
    }

    /** The types an outlet can record: those of its type's industry and those of every industry. */
    public List<FailureType> typesAt(AppUser user, long outletId) {
        if (!org.scopeOf(user).contains(outletId)) {
            throw BadInputException.of("outletId", "error.casework.noOutlet", String.valueOf(outletId));
        }
        return types(List.of(topics.industry(org.find(outletId).map(OrgUnit::outletType).orElse(null))));
    }

    /** Adds a failure type or changes an existing one's names, weight and whether it counts. */
    public FailureType saveType(FailureTypeForm f) {
        boolean active = f.active() == null || f.active();
        String industry = Text.blankToNull(f.industry());
        if (industry != null && !TopicDefaults.INDUSTRIES.contains(industry)) {
            throw BadInputException.of("industry", "error.casework.industryOrEmpty",
                    String.valueOf(TopicDefaults.INDUSTRIES));
        }
        String setIndustry = f.industry() == null ? "" : ", industry = :i";
        var update = jdbc.sql("UPDATE sqi_failure_type SET name_en = :en, name_zh = :zh, weight = :w, active = :a"
                        + setIndustry + " WHERE code = :c")
                .param("en", f.nameEn().strip()).param("zh", f.nameZh().strip()).param("w", f.weight()).param("a", active)
                .param("c", f.code());
        int n = (f.industry() == null ? update : update.param("i", industry)).update();
        if (n == 0) {
            jdbc.sql("""
                    INSERT INTO sqi_failure_type (code, name_en, name_zh, weight, active, industry, sort_order)
                    VALUES (:c, :en, :zh, :w, :a, :i, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM sqi_failure_type))""")
                    .param("en", f.nameEn().strip()).param("zh", f.nameZh().strip()).param("w", f.weight()).param("a", active)
                    .param("i", industry).param("c", f.code()).update();
        }
        return types().stream().filter(t -> t.code().equals(f.code())).findFirst().orElseThrow();
    }

    public Event record(AppUser user, EventForm f) {
        if (typesAt(user, f.outletId()).stream().noneMatch(t -> t.code().equals(f.failureCode()) && t.active())) {
            throw BadInputException.of("failureCode", "error.casework.noFailureType", f.failureCode());
        }
        if (f.occurredOn().isAfter(LocalDate.now(clock).plusDays(1))) {
            throw BadInputException.of("occurredOn", "error.casework.futureDay");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sqi_event (outlet_id, failure_code, occurred_on, quantity, note, created_at)
                VALUES (:o, :c, :d, :q, :note, :now)""")
                .param("o", f.outletId()).param("c", f.failureCode()).param("d", f.occurredOn())
                .param("q", f.quantity() == null ? 1 : f.quantity()).param("note", Text.blankToNull(f.note()))
                .param("now", OffsetDateTime.now(clock)).update(keys, "id");
        long id = keys.getKey().longValue();
        return events(user, null, null, null, PageRequest.of(0, 1), id).items().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("SQI event", id));
    }

    public PageResult<Event> events(AppUser user, Long outletId, LocalDate from, LocalDate to, PageRequest page) {
        return events(user, outletId, from, to, page, null);
    }

    private PageResult<Event> events(AppUser user, Long outletId, LocalDate from, LocalDate to, PageRequest page, Long id) {
        OutletScope scope = org.scopeOf(user);
        String where = " WHERE " + scope.sqlFilter("e.outlet_id") + (outletId == null ? "" : " AND e.outlet_id = :outlet")
                + (from == null ? "" : " AND e.occurred_on >= :from") + (to == null ? "" : " AND e.occurred_on <= :to")
                + (id == null ? "" : " AND e.id = :id");
        var params = new HashMap<String, Object>();
        if (outletId != null) {
            params.put("outlet", outletId);
        }
        if (from != null) {
            params.put("from", from);
        }
        if (to != null) {
            params.put("to", to);
        }
        if (id != null) {
            params.put("id", id);
        }
        var rows = scope.bind(jdbc.sql("""
                SELECT e.id, e.outlet_id, o.name AS outlet_name, e.failure_code, e.occurred_on, e.quantity, t.weight,
                       e.case_id, e.note, e.created_at
                FROM sqi_event e JOIN sqi_failure_type t ON t.code = e.failure_code JOIN org_unit o ON o.id = e.outlet_id"""
                        + where + " ORDER BY e.occurred_on DESC, e.id DESC LIMIT :limit OFFSET :offset"))
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(Rows.of(Event.class)).list();
        long total = scope.bind(jdbc.sql("SELECT COUNT(*) FROM sqi_event e" + where)).params(params).query(Long.class).single();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    public record Day(LocalDate day, long sqi, long events) {
    }

    /** The SQI per day: the weighted sum of that day's failure events, for one outlet or all in scope. */
    public List<Day> daily(AppUser user, Long outletId, LocalDate from, LocalDate to) {
        OutletScope scope = org.scopeOf(user);
        var spec = scope.bind(jdbc.sql("""
                SELECT e.occurred_on, SUM(e.quantity * t.weight), SUM(e.quantity)
                FROM sqi_event e JOIN sqi_failure_type t ON t.code = e.failure_code
                WHERE e.occurred_on BETWEEN :from AND :to AND\s""" + scope.sqlFilter("e.outlet_id")
                + (outletId == null ? "" : " AND e.outlet_id = :outlet") + " GROUP BY e.occurred_on ORDER BY e.occurred_on"))
                .param("from", from).param("to", to);
        if (outletId != null) {
            spec = spec.param("outlet", outletId);
        }
        return spec.query((rs, i) -> new Day(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3))).list();
    }
}
