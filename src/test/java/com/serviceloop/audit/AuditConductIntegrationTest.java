package com.serviceloop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.organisation.Role;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

@Tag("db")
class AuditConductIntegrationTest extends AuditApiTest {
    @Autowired JdbcClient jdbc;

    private ResultActions upload(long audit, long item, byte[] bytes, String token) throws Exception {
        return mvc.perform(multipart("/api/v1/audits/" + audit + "/items/" + item + "/photos")
                .file(new MockMultipartFile("file", "x.png", "image/png", bytes))
                .header("Authorization", "Bearer " + token));
    }

    private long answers(long audit) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_answer WHERE audit_id = :a").param("a", audit).query(Long.class).single();
    }

    @Test
    void anAuditorConductsAWalkAroundAndTheOutletManagerSignsItOff() throws Exception {
        long form = publishedForm();
        String auditor = token(fixtures.person(Role.AUDITOR, region.id()));
        JsonNode started = body(postJson("/api/v1/audits", auditor, Map.of("outletId", outletA.id(), "formId", form))
                .andExpect(status().isCreated()));
        long audit = started.get("id").asLong();
        assertThat(started.get("status").asText()).isEqualTo("IN_PROGRESS");
        String url = "/api/v1/audits/" + audit;
        Map<String, Long> item = items(body(getJson(url, auditor)).get("form"));
        long smileItem = item.get("Smile and make eye contact when greeting");
        long tidy = item.get("Counter tidy and stocked");
        long greetItem = item.get("Greet every customer within 30 seconds");
        long photo = item.get("Photo of the shop front");
        long signature = item.get("Outlet manager's signature");

        // autosave per item; the same key again (a repeated sync) returns the same answer and adds no row
        JsonNode first = body(postJson(url + "/answers", auditor, answer(greetItem, "k-greet-0001", Map.of("measured", 40)))
                .andExpect(status().isOk()));
        assertThat(first.get("score").asDouble()).isEqualTo(0.0);
        JsonNode again = body(postJson(url + "/answers", auditor, answer(greetItem, "k-greet-0001", Map.of("measured", 40))));
        assertThat(again.get("id").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(answers(audit)).isEqualTo(1);
        // a correction is a new answer (new key) to the same item: still one row, greeted after 25 s keeps the 30 s
        JsonNode corrected = body(postJson(url + "/answers", auditor, answer(greetItem, "k-greet-0002", Map.of("measured", 25))));
        assertThat(corrected.get("score").asDouble()).isEqualTo(1.0);
        assertThat(answers(audit)).isEqualTo(1);
        postJson(url + "/answers", auditor, answer(smileItem, "k-smile-0001", Map.of("choice", "MET"))).andExpect(status().isOk());
        postJson(url + "/answers", auditor, answer(tidy, "k-tidy-00001", Map.of("scale", 2))).andExpect(status().isOk());

        // submitting with the photo still missing is refused, naming what is unanswered
        postJson(url + "/submit", auditor, "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("answers"))
                .andExpect(jsonPath("$.errors[0].message").value("1 required item(s) are not answered yet: Photo of the shop front"));
        upload(audit, photo, PNG, auditor).andExpect(status().isCreated());
        upload(audit, signature, PNG, auditor).andExpect(status().isCreated());
        JsonNode view = body(getJson(url, auditor));
        assertThat(view.get("required").asInt()).isEqualTo(4);
        assertThat(view.get("requiredAnswered").asInt()).isEqualTo(4);
        assertThat(view.get("photos")).hasSize(2);
        long photoId = view.at("/photos/0/id").asLong();
        byte[] stored = mvc.perform(get(url + "/photos/" + photoId).header("Authorization", "Bearer " + auditor))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(stored).isEqualTo(PNG);

        JsonNode submitted = body(postJson(url + "/submit", auditor, "").andExpect(status().isOk()));
        // attitude (1 + 0.5) / 2 = 0.75; timeliness 1; overall (1 x 0.75 + 2 x 1) / 3 = 0.9167, no critical miss
        assertThat(submitted.at("/audit/score").asDouble()).isEqualTo(0.9167);
        assertThat(submitted.at("/audit/result").asText()).isEqualTo("PASSED");
        assertThat(submitted.at("/scorecard/sections/0/score").asDouble()).isEqualTo(0.75);
        assertThat(submitted.at("/scorecard/sections/2/score").isNull()).isTrue();
        assertThat(submitted.at("/scorecard/wellDone").findValuesAsString("text"))
                .containsExactly("Smile and make eye contact when greeting", "Greet every customer within 30 seconds",
                        "Counter tidy and stocked");
        assertThat(submitted.at("/scorecard/toImprove")).isEmpty();

        postJson(url + "/answers", auditor, answer(tidy, "k-tidy-00002", Map.of("scale", 4))).andExpect(status().isConflict());
        postJson(url + "/submit", auditor, "").andExpect(status().isConflict());
        postJson(url + "/sign-off", auditor, "").andExpect(status().isForbidden());
        String managerB = token(fixtures.person(Role.MANAGER, outletB.id()));
        getJson(url, managerB).andExpect(status().isNotFound());
        postJson(url + "/sign-off", managerB, "").andExpect(status().isNotFound());
        String managerA = token(fixtures.person(Role.MANAGER, outletA.id()));
        postJson(url + "/sign-off", managerA, "").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SIGNED_OFF"));
    }

    @Test
    void aCriticalMissFailsTheAuditWhateverTheScore() throws Exception {
        long form = publishedForm();
        long audit = body(postJson("/api/v1/audits", admin, Map.of("outletId", outletA.id(), "formId", form))).get("id").asLong();
        String url = "/api/v1/audits/" + audit;
        Map<String, Long> item = items(body(getJson(url, admin)).get("form"));
        postJson(url + "/answers", admin, answer(item.get("Greet every customer within 30 seconds"), "k-1-000000",
                Map.of("measured", 31))).andExpect(status().isOk());
        // the smile N/A (allowed) leaves the score: attitude = 4 of 4 = 1
        postJson(url + "/answers", admin, answer(item.get("Smile and make eye contact when greeting"), "k-2-000000",
                Map.of("notApplicable", true))).andExpect(status().isOk());
        postJson(url + "/answers", admin, answer(item.get("Counter tidy and stocked"), "k-3-000000", Map.of("scale", 4)));
        upload(audit, item.get("Photo of the shop front"), PNG, admin).andExpect(status().isCreated());
        JsonNode done = body(postJson(url + "/submit", admin, "").andExpect(status().isOk()));
        // (1 x 1 + 2 x 0) / 3 = 0.3333
        assertThat(done.at("/audit/score").asDouble()).isEqualTo(0.3333);
        assertThat(done.at("/audit/result").asText()).isEqualTo("FAILED");
        assertThat(done.at("/scorecard/criticalMisses/0/text").asText()).isEqualTo("Greet every customer within 30 seconds");
        assertThat(done.at("/scorecard/toImprove/0/critical").asBoolean()).isTrue();
    }

    @Test
    void badAnswersAreRefusedNamingTheField() throws Exception {
        long form = publishedForm();
        long audit = body(postJson("/api/v1/audits", admin, Map.of("outletId", outletA.id(), "formId", form))).get("id").asLong();
        String url = "/api/v1/audits/" + audit;
        Map<String, Long> item = items(body(getJson(url, admin)).get("form"));
        long tidy = item.get("Counter tidy and stocked");
        long greetItem = item.get("Greet every customer within 30 seconds");
        postJson(url + "/answers", admin, answer(999_999_999L, "k-bad-00001", Map.of("choice", "MET")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("itemId"));
        postJson(url + "/answers", admin, answer(tidy, "k-bad-00002", Map.of("choice", "MET")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("choice"));
        postJson(url + "/answers", admin, answer(tidy, "k-bad-00003", Map.of("scale", 5)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("scale"));
        postJson(url + "/answers", admin, answer(tidy, "k-bad-00004", Map.of()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("scale"));
        postJson(url + "/answers", admin, answer(greetItem, "k-bad-00005", Map.of("notApplicable", true)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("notApplicable"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("The item 'Greet every customer within 30 seconds' may not be answered N/A"));
        postJson(url + "/answers", admin, answer(item.get("Photo of the shop front"), "k-bad-00006", Map.of("text", "ok")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("itemId"));
        postJson(url + "/answers", admin, answer(tidy, "short", Map.of("scale", 1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("key"));
        assertThat(answers(audit)).isZero();

        upload(audit, item.get("Photo of the shop front"), "%PDF-1.4 not an image".getBytes(), admin)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        byte[] large = Arrays.copyOf(PNG, 5 * 1024 * 1024 + 1);
        upload(audit, item.get("Photo of the shop front"), large, admin)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2};
        upload(audit, item.get("Outlet manager's signature"), jpeg, admin)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        upload(audit, tidy, PNG, admin).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("itemId"));
        assertThat(answers(audit)).isZero();

        postJson("/api/v1/audits", admin, Map.of("outletId", otherType.id(), "formId", form))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("formId"));
        String managerB = token(fixtures.person(Role.MANAGER, outletB.id()));
        postJson("/api/v1/audits", managerB, Map.of("outletId", outletA.id(), "formId", form))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("outletId"));
        String staff = token(fixtures.person(Role.STAFF, outletA.id()));
        postJson("/api/v1/audits", staff, Map.of("outletId", outletA.id(), "formId", form)).andExpect(status().isForbidden());
    }
}
