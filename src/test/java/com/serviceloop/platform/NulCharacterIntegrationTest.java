package com.serviceloop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A NUL character is refused where text enters, naming the field; PostgreSQL cannot store it in
 * text, so it used to end in a 500 there (H2 stored it).
 */
class NulCharacterIntegrationTest extends ApiTest {
    @Autowired JdbcClient jdbc;
    private Fixtures.Chain chain;
    private AppUser staff;
    private String staffToken;

    @BeforeEach
    void setUp() {
        fixtures.admin();
        chain = fixtures.chain();
        staff = fixtures.person(Role.STAFF, chain.outletA().id());
        staffToken = token(staff);
    }

    private long customers() {
        return jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single();
    }

    @Test
    void inAJsonBodyAQueryParameterAndAFormTheFieldIsNamedAndNothingIsStored() throws Exception {
        long before = customers();
        String member = Fixtures.unique("N");
        postJson("/api/v1/customers", staffToken, Map.of("memberNo", member, "name", "Li\u0000Na",
                "homeOutletId", chain.outletA().id())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("Text may not contain a NUL character"));
        call(get("/api/v1/cases").param("q", "a\u0000b"), staffToken).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"))
                .andExpect(jsonPath("$.errors[0].message").value("Text may not contain a NUL character"));
        mvc.perform(post("/customers").with(user(staff)).with(csrf()).header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("memberNo", member)
                        .param("name", "Li\u0000Na").param("homeOutletId", String.valueOf(chain.outletA().id())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        assertThat(customers()).isEqualTo(before);
    }

    @Test
    void aPublicSurveyCommentWithANulIsRefusedNamingTheAnswer() throws Exception {
        String manager = token(fixtures.person(Role.MANAGER, chain.outletA().id()));
        long survey = jdbc.sql("SELECT id FROM survey WHERE code = 'recommend'").query(Long.class).single();
        String link = body(postJson("/api/v1/surveys/" + survey + "/links", manager, Map.of("outletId", chain.outletA().id())))
                .get("token").asText();
        long text = jdbc.sql("SELECT id FROM survey_question WHERE survey_id = :s AND qtype = 'TEXT' ORDER BY position")
                .param("s", survey).query(Long.class).list().getFirst();
        mvc.perform(post("/api/v1/public/surveys/" + link + "/responses").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("submissionKey", "nul-" + Fixtures.unique("k"),
                                "answers", Map.of(String.valueOf(text), "fine\u0000")))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("answers." + text));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE link_token = :t").param("t", link)
                .query(Long.class).single()).isZero();
    }
}
