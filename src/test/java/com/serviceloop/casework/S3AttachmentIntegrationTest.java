package com.serviceloop.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import com.serviceloop.platform.ObjectStore;
import com.serviceloop.platform.S3rver;
import com.serviceloop.platform.StoreUnavailableException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.ResultActions;

/** Case attachments through the API with serviceloop.storage.type=s3, against s3rver (see {@link S3rver}). */
class S3AttachmentIntegrationTest extends ApiTest {
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1};
    @Autowired JdbcClient jdbc;
    @Autowired AttachmentMove move;
    @MockitoSpyBean ObjectStore store;
    private AppUser staff;
    private String staffToken;
    private long caseId;

    @BeforeAll
    static void server() {
        S3rver.endpoint();
    }

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        registry.add("serviceloop.storage.type", () -> "s3");
        registry.add("serviceloop.storage.s3.endpoint", S3rver::endpoint);
        registry.add("serviceloop.storage.s3.bucket", () -> S3rver.BUCKET);
        registry.add("serviceloop.storage.s3.access-key", () -> S3rver.KEY);
        registry.add("serviceloop.storage.s3.secret-key", () -> S3rver.KEY);
        registry.add("serviceloop.storage.s3.path-style", () -> "true");
        // the H2 and PostgreSQL runs share the server's bucket only in one JVM each, but keep apart anyway
        registry.add("serviceloop.storage.s3.prefix", () -> "it-" + System.getProperty("serviceloop.test.db", "h2") + "/");
    }

    @BeforeEach
    void setUp() throws Exception {
        fixtures.admin();
        Fixtures.Chain chain = fixtures.chain();
        staff = fixtures.person(Role.STAFF, chain.outletA().id(), chain.teamA().id(), null);
        staffToken = token(staff);
        caseId = body(postJson("/api/v1/cases", staffToken, Map.of("outletId", chain.outletA().id(), "channel", "COUNTER",
                "caseType", "COMPLAINT", "severity", "LOW", "description", "Receipt photo for a refund"))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    private ResultActions upload(byte[] bytes) throws Exception {
        return mvc.perform(multipart("/api/v1/cases/" + caseId + "/attachments")
                .file(new MockMultipartFile("file", "receipt.jpg", "image/jpeg", bytes))
                .header("Authorization", "Bearer " + staffToken));
    }

    @Test
    void aPhotoGoesToTheBucketAndComesBackThroughTheApi() throws Exception {
        assertThat(AopUtils.getTargetClass(store).getSimpleName()).isEqualTo("S3ObjectStore");
        long id = body(upload(JPEG).andExpect(status().isCreated())).get("id").asLong();
        String key = jdbc.sql("SELECT object_key FROM case_attachment WHERE id = :id").param("id", id).query(String.class).single();
        assertThat(store.get(key)).hasValueSatisfying(b -> assertThat(b).isEqualTo(JPEG));
        mvc.perform(get("/api/v1/cases/" + caseId + "/attachments/" + id).header("Authorization", "Bearer " + staffToken))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(content().bytes(JPEG));
    }

    @Test
    void aStoreThatFailsIsAnswered503WithAMessageAndLeavesNoRow() throws Exception {
        doThrow(new StoreUnavailableException("Could not store: Connection refused", null))
                .when(store).put(anyString(), any(), anyString());
        upload(JPEG).andExpect(status().isServiceUnavailable()).andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.detail").value("Files and photos cannot be reached at the moment. "
                        + "Please try again in a few seconds"))
                .andExpect(jsonPath("$.trace").doesNotExist());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_attachment WHERE case_id = :c").param("c", caseId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aStoreThatFailsIsSaidOnTheCasePageNotAsAnErrorPageHtmxWouldHide() throws Exception {
        doThrow(new StoreUnavailableException("Could not store: Connection refused", null))
                .when(store).put(anyString(), any(), anyString());
        mvc.perform(multipart("/cases/" + caseId + "/attachments")
                        .file(new MockMultipartFile("file", "receipt.jpg", "image/jpeg", JPEG))
                        .with(user(staff)).with(csrf()).header("HX-Request", "true").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Files and photos cannot be reached at the moment")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_attachment WHERE case_id = :c").param("c", caseId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void oldAttachmentsAreMovedIntoTheBucket() throws Exception {
        jdbc.sql("INSERT INTO case_attachment (case_id, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at) "
                        + "SELECT :c, 'old.jpg', 'image/jpeg', :size, :content, received_by, created_at FROM support_case WHERE id = :c")
                .param("c", caseId).param("size", JPEG.length).param("content", JPEG).update();
        assertThat(move.moveAll()).isEqualTo(1);
        long id = jdbc.sql("SELECT id FROM case_attachment WHERE case_id = :c").param("c", caseId).query(Long.class).single();
        assertThat(store.get(AttachmentMove.key(caseId, id))).hasValueSatisfying(b -> assertThat(b).isEqualTo(JPEG));
        mvc.perform(get("/api/v1/cases/" + caseId + "/attachments/" + id).header("Authorization", "Bearer " + staffToken))
                .andExpect(status().isOk()).andExpect(content().bytes(JPEG));
    }
}
