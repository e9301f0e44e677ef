package com.serviceloop.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.Fixtures;
import com.serviceloop.PageTest;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnitForm;
import com.serviceloop.organisation.Role;
import com.serviceloop.organisation.UnitKind;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Topics on the case form, list and settings page, and the indicators page, in both languages. */
class IndicatorPagesTest extends PageTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    @Autowired CaseService cases;
    @Autowired CaseTopics topics;
    @Autowired OrgService org;
    @Autowired JdbcClient jdbc;
    private Fixtures.Chain chain;
    private AppUser staff;
    private AppUser manager;

    @BeforeEach
    void setUp() {
        fixtures.admin();
        chain = fixtures.chain();
        staff = fixtures.person(Role.STAFF, chain.outletA().id());
        manager = fixtures.person(Role.MANAGER, chain.region().id());
    }

    @Test
    void staffPickATopicOnTheFormAndTheListFiltersByIt() throws Exception {
        page(staff, "/cases/new", "zh-CN").andExpect(status().isOk())
                .andExpect(content().string(containsString("缺货"))).andExpect(content().string(containsString("用药咨询")))
                .andExpect(content().string(containsString("相关商品")));
        page(staff, "/cases/new", "en").andExpect(content().string(containsString("Medication advice")));
        String location = submit(staff, "/cases", "outletId", "" + chain.outletA().id(), "channel", "COUNTER",
                "caseType", "COMPLAINT", "severity", "LOW", "description", "Ibuprofen sold out again", "topic", "OUT_OF_STOCK",
                "product", "Ibuprofen 400 mg").andExpect(redirectedUrlPattern("/cases/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(cases.get(staff, id).topic()).isEqualTo("OUT_OF_STOCK");
        assertThat(cases.get(staff, id).product()).isEqualTo("Ibuprofen 400 mg");
        long other = cases.create(staff, CaseForm.of(chain.outletA().id(), null, Channel.COUNTER, CaseType.COMPLAINT,
                Severity.LOW, "Waited at the till")).id();
        // a topic of another industry is refused on the form, next to the field
        submit(staff, "/cases", "outletId", "" + chain.outletA().id(), "channel", "COUNTER", "caseType", "COMPLAINT",
                "severity", "LOW", "description", "Parcel late", "topic", "LATE_DELIVERY")
                .andExpect(status().isOk()).andExpect(content().string(containsString("Choose a topic from this outlet")));
        for (String lang : new String[] {"en", "zh-CN"}) {
            page(staff, "/cases?topic=OUT_OF_STOCK", lang).andExpect(status().isOk())
                    .andExpect(content().string(containsString("/cases/" + id + "\"")))
                    .andExpect(content().string(not(containsString("/cases/" + other + "\""))));
        }
        page(staff, "/cases", "zh-CN").andExpect(content().string(containsString("全部主题")));
    }

    @Test
    void theIndicatorsPageShowsQuickPeriodsTopicsSatisfactionAndTheRegionComparison() throws Exception {
        OffsetDateTime at = LocalDate.now(SHANGHAI).atTime(9, 0).atZone(SHANGHAI).toOffsetDateTime().minusDays(1);
        long c = cases.create(staff, new CaseForm(chain.outletA().id(), null, null, null, Channel.COUNTER,
                CaseType.COMPLAINT, Severity.LOW, "No cough syrup", "OUT_OF_STOCK", null)).id();
        jdbc.sql("INSERT INTO case_follow_up (case_id, recorded_by, recorded_at, outcome, satisfaction) VALUES (:c, :p, :t, 'CLOSED', 4)")
                .param("c", c).param("p", staff.id()).param("t", at).update();
        for (String lang : new String[] {"en", "zh-CN"}) {
            page(manager, "/cases/indicators", lang).andExpect(status().isOk())
                    .andExpect(content().string(containsString("chart-data")))
                    .andExpect(content().string(containsString("sortable-table.js")))
                    .andExpect(content().string(containsString("4.0 / 5")));
        }
        page(manager, "/cases/indicators", "en").andExpect(content().string(containsString("This month")))
                .andExpect(content().string(containsString("Last 30 days")))
                .andExpect(content().string(containsString("lower is better")))
                .andExpect(content().string(containsString("Out of stock")))
                .andExpect(content().string(containsString("Look into")));
        page(manager, "/cases/indicators", "zh-CN").andExpect(content().string(containsString("本月")))
                .andExpect(content().string(containsString("上月")))
                .andExpect(content().string(containsString("越低越好")))
                .andExpect(content().string(containsString("缺货")))
                .andExpect(content().string(containsString("回访满意度")))
                .andExpect(content().string(not(containsString("OUT_OF_STOCK<"))));
        // outlet A has the only complaint: worse than its region's average on complaints
        page(manager, "/cases/indicators?outletId=" + chain.outletA().id(), "zh-CN").andExpect(status().isOk())
                .andExpect(content().string(containsString("与所在区域平均水平对比")))
                .andExpect(content().string(containsString("区域平均")));
        page(manager, "/cases/indicators?outletId=" + chain.outletA().id(), "en")
                .andExpect(content().string(containsString("against its region&#39;s average")));
        page(manager, "/cases/indicators?groupBy=REGION&period=DAY", "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("Regions side by side")));
    }

    @Test
    void administratorsEditTopicsAndTheIndustryOnTheSettingsPage() throws Exception {
        AppUser admin = fixtures.admin();
        String type = Fixtures.unique("bistro-").toLowerCase();
        org.create(new OrgUnitForm(chain.region().id(), UnitKind.OUTLET, "Bistro", Fixtures.unique("BI"), type, null, null));
        page(manager, "/settings/cases?topicType=" + type, "zh-CN").andExpect(status().isOk())
                .andExpect(content().string(containsString("案例主题"))).andExpect(content().string(containsString("其他服务业")));
        submit(manager, "/settings/cases/industry", "outletType", type, "industry", "restaurant").andExpect(status().isForbidden());
        submit(admin, "/settings/cases/industry", "outletType", type, "industry", "restaurant")
                .andExpect(redirectedUrlPattern("/settings/cases?topicType=*")).andExpect(flash().attribute("notice", "case.saved"));
        assertThat(topics.industry(type)).isEqualTo("restaurant");
        page(admin, "/settings/cases?topicType=" + type, "zh-CN").andExpect(content().string(containsString("菜品质量")));
        page(admin, "/settings/cases?topicType=" + type, "en").andExpect(content().string(containsString("Food quality")))
                .andExpect(content().string(containsString("Every industry")));
        // nobody types a code: the page makes it from the English name
        submit(admin, "/settings/cases/topic", "outletType", type, "nameEn", "Children's menu", "nameZh", "儿童餐",
                "active", "true").andExpect(flash().attribute("notice", "case.saved"));
        submit(admin, "/settings/cases/topic", "outletType", type, "code", "kids", "nameEn", "x", "nameZh", "x")
                .andExpect(flash().attribute("error", containsString("code")));
        assertThat(topics.list(type)).extracting(CaseTopics.Topic::code).startsWith("WAITING").endsWith("CHILDREN_S_MENU");
        page(admin, "/settings/cases?topicType=" + type, "zh-CN").andExpect(content().string(containsString("儿童餐")))
                .andExpect(content().string(containsString("中文名称")))
                .andExpect(content().string(not(containsString("CHILDREN_S_MENU<"))));
        assertThat(CaseSettingsPages.codeOf("  Out of stock! ")).isEqualTo("OUT_OF_STOCK");
        assertThat(CaseSettingsPages.codeOf("儿童餐")).startsWith("TOPIC_");
    }
}
