package com.serviceloop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A CSV export asked for an outlet outside the caller's scope answers 404 as a JSON problem; it used
 * to answer 500 with an empty CSV body, because the refusal came after the CSV answer had begun.
 */
class ExportScopeIntegrationTest extends ApiTest {
    @Autowired JdbcClient jdbc;
    private Fixtures.Chain chain;
    private String managerOfA;

    @BeforeEach
    void setUp() {
        fixtures.admin();
        chain = fixtures.chain();
        managerOfA = token(fixtures.person(Role.MANAGER, chain.outletA().id()));
    }

    private MockHttpServletResponse export(String url, String accept) throws Exception {
        return mvc.perform(get(url).header("Authorization", "Bearer " + managerOfA).header("Accept", accept))
                .andReturn().getResponse();
    }

    private void assertNotFoundAsJson(MockHttpServletResponse res) throws Exception {
        assertThat(res.getStatus()).isEqualTo(404);
        assertThat(res.getContentType()).startsWith("application/problem+json");
        assertThat(res.getHeader("Content-Disposition")).isNull();
        assertThat(json.readTree(res.getContentAsString()).path("status").asInt()).isEqualTo(404);
    }

    @Test
    void casesAndSurveyAnswersOfAnotherOutletAreNotFoundAsJsonWhateverTheCallerAccepts() throws Exception {
        long survey = jdbc.sql("SELECT id FROM survey WHERE code = 'recommend'").query(Long.class).single();
        for (String accept : new String[] {"text/csv", "*/*", "text/csv, application/json"}) {
            assertNotFoundAsJson(export("/api/v1/cases/export?outletId=" + chain.outletB().id(), accept));
            assertNotFoundAsJson(export("/api/v1/surveys/" + survey + "/responses/export?outletId=" + chain.outletB().id(), accept));
            assertNotFoundAsJson(export("/api/v1/surveys/" + survey + "/responses/export?regionId=" + chain.chain().id(), accept));
        }
        MockHttpServletResponse own = export("/api/v1/cases/export?outletId=" + chain.outletA().id(), "text/csv");
        assertThat(own.getStatus()).isEqualTo(200);
        assertThat(own.getContentType()).startsWith("text/csv");
    }
}
