package com.serviceloop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.organisation.Role;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** A phone's queue replays uploads after a lost reply: the photo's key makes the second upload store nothing. */
@Tag("db")
class AuditOfflineSyncIntegrationTest extends AuditApiTest {
    @Autowired JdbcClient jdbc;

    private ResultActions upload(long audit, long item, String key, String token) throws Exception {
        var request = multipart("/api/v1/audits/" + audit + "/items/" + item + "/photos")
                .file(new MockMultipartFile("file", "x.png", "image/png", PNG));
        if (key != null) {
            request.param("key", key);
        }
        return mvc.perform(request.header("Authorization", "Bearer " + token));
    }

    private long photos(long audit) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_photo WHERE audit_id = :a").param("a", audit).query(Long.class).single();
    }

    @Test
    void aRepeatedPhotoUploadWithTheSameKeyStoresOnePhoto() throws Exception {
        long form = publishedForm();
        String auditor = token(fixtures.person(Role.AUDITOR, region.id()));
        long audit = body(postJson("/api/v1/audits", auditor, Map.of("outletId", outletA.id(), "formId", form))
                .andExpect(status().isCreated())).get("id").asLong();
        long photo = items(body(getJson("/api/v1/audits/" + audit, auditor)).get("form")).get("Photo of the shop front");

        JsonNode first = body(upload(audit, photo, "phone-photo-0001", auditor).andExpect(status().isCreated()));
        JsonNode again = body(upload(audit, photo, "phone-photo-0001", auditor).andExpect(status().isCreated()));
        assertThat(again.get("id").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(photos(audit)).isEqualTo(1);
        // another key is another photo of the same item; no key (an older client) is always a new one
        upload(audit, photo, "phone-photo-0002", auditor).andExpect(status().isCreated());
        upload(audit, photo, null, auditor).andExpect(status().isCreated());
        assertThat(photos(audit)).isEqualTo(3);
        // the same key on another audit is that audit's own
        long other = body(postJson("/api/v1/audits", auditor, Map.of("outletId", outletB.id(), "formId", form))
                .andExpect(status().isCreated())).get("id").asLong();
        long otherPhoto = items(body(getJson("/api/v1/audits/" + other, auditor)).get("form")).get("Photo of the shop front");
        upload(other, otherPhoto, "phone-photo-0001", auditor).andExpect(status().isCreated());
        assertThat(photos(other)).isEqualTo(1);

        upload(audit, photo, "bad key!", auditor).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("key"));
        assertThat(photos(audit)).isEqualTo(3);
    }

    @Test
    void theServiceWorkerIsJavaScriptWhoseScopeIsTheAuditPages() throws Exception {
        mvc.perform(get("/audits/offline-sw.js").with(user(fixtures.person(Role.AUDITOR, region.id()))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/javascript;charset=UTF-8"))
                .andExpect(content().string(containsString("self.addEventListener('fetch'")));
    }
}
