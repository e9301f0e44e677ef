package com.serviceloop.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.Fixtures;
import com.serviceloop.PageTest;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import com.serviceloop.platform.PageRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

class CustomerPagesTest extends PageTest {
    @Autowired CustomerService customers;
    private AppUser admin;
    private Fixtures.Chain chain;

    @BeforeEach
    void setUp() {
        admin = fixtures.admin();
        chain = fixtures.chain();
    }

    @Test
    void theListSpeaksTheBrowsersLanguage() throws Exception {
        String name = Fixtures.unique("Listed");
        fixtures.customer(admin, chain.outletA().id(), name);
        page(admin, "/customers?q=" + name, "zh-CN").andExpect(status().isOk())
                .andExpect(content().string(containsString("会员号"))).andExpect(content().string(containsString(name)));
        page(admin, "/customers?q=" + name, "en").andExpect(content().string(containsString("Member no.")));
        // the chart of customers by visit frequency lives here (it left the home page), named in the reader's language
        page(admin, "/customers", "zh-CN").andExpect(content().string(containsString("按到店频率划分的顾客")))
                .andExpect(content().string(containsString("id=\"tier-mix\"")))
                .andExpect(content().string(containsString("&quot;heavy&quot;:&quot;高频&quot;")));
        page(admin, "/customers", "en").andExpect(content().string(containsString("Customers by visit frequency")))
                .andExpect(content().string(containsString("&quot;lapsed&quot;:&quot;Lapsed&quot;")));
        mvc.perform(MockMvcRequestBuilders.get("/customers")
                        .param("q", name).header("HX-Request", "true").with(user(admin)))
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(not(containsString("tier-mix"))));
    }

    @Test
    void aBlankNameIsShownNextToTheFieldAndNothingIsStored() throws Exception {
        String member = Fixtures.unique("F");
        submit(admin, "/customers", "memberNo", member, "name", "", "homeOutletId", String.valueOf(chain.outletA().id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"field-error\"")))
                .andExpect(content().string(containsString("must not be blank")));
        assertThat(customers.search(admin, member, PageRequest.of(0, 10)).total()).isZero();
    }

    @Test
    void aTakenMemberNumberIsShownNextToItsField() throws Exception {
        String member = Fixtures.unique("F");
        fixtures.customer(admin, chain.outletA().id(), "First", member);
        submit(admin, "/customers", "memberNo", member, "name", "Second", "homeOutletId",
                String.valueOf(chain.outletA().id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is already in use")));
    }

    @Test
    void aTakenMemberNumberIsShownNextToItsFieldInChinese() throws Exception {
        String member = Fixtures.unique("F");
        fixtures.customer(admin, chain.outletA().id(), "First", member);
        submit(admin, "/customers?lang=zh", "memberNo", member, "name", "Second", "homeOutletId",
                String.valueOf(chain.outletA().id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span class=\"field-error\">会员号 " + member + " 已被使用</span>")));
    }

    @Test
    void creatingThroughTheFormLeadsToTheProfileWithItsTier() throws Exception {
        String member = Fixtures.unique("F");
        String location = submit(admin, "/customers", "memberNo", member, "name", "Form Customer",
                "homeOutletId", String.valueOf(chain.outletA().id()), "ageBand", "AGE_25_34", "consentSurvey", "true",
                "wouldRecommend", "9")
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/customers/*"))
                .andReturn().getResponse().getRedirectedUrl();
        page(admin, location, "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("Form Customer")))
                .andExpect(content().string(containsString("Lapsed")))
                .andExpect(content().string(containsString("25-34")));
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(customers.get(admin, id).consentSurvey()).isTrue();
        assertThat(customers.get(admin, id).consentContact()).isFalse();

        submit(admin, location + "/visits", "outletId", String.valueOf(chain.outletA().id()),
                "visitedAt", "2025-01-05T10:30", "amount", "18.50", "items", "2")
                .andExpect(status().is3xxRedirection());
        page(admin, location, "zh-CN").andExpect(content().string(containsString("2025-01-05 10:30")));
        submit(admin, location + "/visits", "outletId", String.valueOf(chain.outletA().id()),
                "visitedAt", "2025-01-06T10:30", "amount", "-1", "items", "2")
                .andExpect(status().isOk()).andExpect(content().string(containsString("class=\"field-error\"")));
    }

    @Test
    void anotherOutletsCustomerIsNotFound() throws Exception {
        long ofB = fixtures.customer(admin, chain.outletB().id(), "Secret of B");
        AppUser managerA = fixtures.person(Role.MANAGER, chain.outletA().id());
        page(managerA, "/customers/" + ofB, "en").andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("Secret of B"))));
        page(managerA, "/customers/" + ofB + "/edit", "en").andExpect(status().isNotFound());
    }

    @Test
    void theImportPageReportsBadLinesByNumber() throws Exception {
        String csv = "member_no,name,home_outlet_code\n" + Fixtures.unique("I") + ",Good," + chain.outletA().code()
                + "\n" + Fixtures.unique("I") + ",,"+ chain.outletA().code() + "\n";
        page(admin, "/customers/import", "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("member_no,name,phone")));
        mvc.perform(multipart("/customers/import/customers").file(new MockMultipartFile("file", "c.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).with(user(admin)).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2 rows read, 1 added")))
                .andExpect(content().string(containsString("<td>3</td>")));
    }

    @Test
    void rolesDecideWhatIsOffered() throws Exception {
        AppUser auditor = fixtures.person(Role.AUDITOR, chain.outletA().id());
        page(auditor, "/customers", "en").andExpect(status().isOk())
                .andExpect(content().string(not(containsString("New customer"))));
        page(auditor, "/customers/new", "en").andExpect(status().isForbidden());
        page(auditor, "/customers/import", "en").andExpect(status().isForbidden());
        page(auditor, "/organisation", "en").andExpect(status().isForbidden());
        AppUser staff = fixtures.person(Role.STAFF, chain.outletA().id());
        page(staff, "/customers/new", "en").andExpect(status().isOk());
        page(staff, "/customers/import", "en").andExpect(status().isForbidden());
        page(staff, "/people", "en").andExpect(status().isForbidden());
    }
}
