package com.serviceloop.casework;

import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.platform.AppSettings;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.Rows;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What cases are about, per outlet type: its own list once someone edited it, its industry's
 * defaults until then. The industry of an outlet type also picks its SQI failure types.
 */
@Service
class CaseTopics {
    private static final String INDUSTRY_KEY = "casework.industry.";
    private final JdbcClient jdbc;
    private final AppSettings settings;
    private final OrgService org;

    public CaseTopics(JdbcClient jdbc, AppSettings settings, OrgService org) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.org = org;
    }

    public record Topic(String outletType, String code, String nameEn, String nameZh, boolean active, int sortOrder) {
        public String name(Locale locale) {
            return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
        }
    }

    public record TopicForm(
            @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Z0-9_]+", message = "{validation.code}") String code,
            @NotBlank @Size(max = 100) String nameEn, @NotBlank @Size(max = 100) String nameZh, Boolean active) {
    }

    /** The industry chosen for the outlet type, else the one it is named after, else generic. */
    public String industry(String outletType) {
        if (outletType == null) {
            return TopicDefaults.GENERIC;
        }
        String chosen = settings.under(INDUSTRY_KEY).get(outletType);
        return chosen != null ? chosen : TopicDefaults.industryNamed(outletType);
    }

    public void setIndustry(String outletType, String industry) {
        checkType(outletType);
        if (!TopicDefaults.INDUSTRIES.contains(industry)) {
            throw BadInputException.of("industry", "error.casework.industry", String.valueOf(TopicDefaults.INDUSTRIES));
        }
        settings.put(INDUSTRY_KEY + outletType, industry);
    }

    /** The outlet type's topics in their order, switched-off ones included. */
    public List<Topic> list(String outletType) {
        String type = outletType == null ? "" : outletType;
        List<Topic> own = jdbc.sql("""
                SELECT outlet_type, code, name_en, name_zh, active, sort_order FROM case_topic
                WHERE outlet_type = :t ORDER BY sort_order, code""").param("t", type).query(Rows.of(Topic.class)).list();
        if (!own.isEmpty()) {
            return own;
        }
        List<Topic> defaults = new ArrayList<>();
        List<TopicDefaults.Default> topics = TopicDefaults.topics(industry(outletType));
        for (int i = 0; i < topics.size(); i++) {
            TopicDefaults.Default d = topics.get(i);
            defaults.add(new Topic(type, d.code(), d.nameEn(), d.nameZh(), true, i + 1));
        }
        return defaults;
    }

    /** The topics a case at one of these outlets can have, by code; the first outlet type's name wins. */
    public Map<String, Topic> forOutlets(List<OrgUnit> outlets) {
        return forTypes(outlets.stream().map(OrgUnit::outletType).distinct().toList());
    }

    /** The topics of these outlet types (null: outlets without a type), by code; the first type's name wins. */
    public Map<String, Topic> forTypes(Collection<String> outletTypes) {
        Map<String, Topic> byCode = new LinkedHashMap<>();
        outletTypes.forEach(t -> list(t).forEach(topic -> byCode.putIfAbsent(topic.code(), topic)));
        return byCode;
    }

    /** Adds a topic to the outlet type's list or changes one; the first change stores the defaults. */
    @Transactional
    public Topic save(String outletType, TopicForm f) {
        checkType(outletType);
        List<Topic> current = list(outletType);
        if (jdbc.sql("SELECT COUNT(*) FROM case_topic WHERE outlet_type = :t").param("t", outletType)
                .query(Long.class).single() == 0) {
            current.forEach(t -> insert(t, t.sortOrder()));
        }
        boolean active = f.active() == null || f.active();
        Topic topic = new Topic(outletType, f.code(), f.nameEn().strip(), f.nameZh().strip(), active, 0);
        int n = jdbc.sql("UPDATE case_topic SET name_en = :en, name_zh = :zh, active = :a WHERE outlet_type = :t AND code = :c")
                .param("en", topic.nameEn()).param("zh", topic.nameZh()).param("a", active).param("t", outletType)
                .param("c", f.code()).update();
        if (n == 0) {
            insert(topic, current.stream().mapToInt(Topic::sortOrder).max().orElse(0) + 1);
        }
        return list(outletType).stream().filter(t -> t.code().equals(f.code())).findFirst().orElseThrow();
    }

    private static void checkType(String outletType) {
        if (outletType == null || outletType.isBlank() || outletType.length() > 40) {
            throw BadInputException.of("outletType", "error.casework.outletTypeLength");
        }
    }

    private void insert(Topic t, int sortOrder) {
        jdbc.sql("""
                INSERT INTO case_topic (outlet_type, code, name_en, name_zh, active, sort_order)
                VALUES (:t, :c, :en, :zh, :a, :s)""").param("t", t.outletType()).param("c", t.code())
                .param("en", t.nameEn()).param("zh", t.nameZh()).param("a", t.active()).param("s", sortOrder).update();
    }

    /** Null when the case has no topic; otherwise the code, if it is an active topic of the outlet's type. */
    String check(long outletId, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String type = org.find(outletId).map(OrgUnit::outletType).orElse(null);
        if (list(type).stream().noneMatch(t -> t.active() && t.code().equals(code))) {
            throw BadInputException.of("topic", "error.casework.noTopic", code, type);
        }
        return code;
    }
}
