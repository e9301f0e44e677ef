package com.serviceloop.blueprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BlueprintApiIntegrationTest extends ApiTest {
    private String admin;
    private String type;

    @BeforeEach
    void setUp() {
        admin = token(fixtures.admin());
        type = "b" + Fixtures.unique("x").substring(2).toLowerCase();
    }

    @Test
    void stepsMultiplyIntoEndToEndSatisfaction() throws Exception {
        long id = body(postJson("/api/v1/blueprints", admin, Map.of("outletType", type, "name", "Ten-step service"))
                .andExpect(status().isCreated())).get("id").asLong();
        List<Long> steps = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            steps.add(body(postJson("/api/v1/blueprints/" + id + "/steps", admin, Map.of("name", "Step " + i,
                    "frontStage", "Staff act", "backStage", "Systems work", "timeStandardSecs", 60,
                    "doList", "Smile\nConfirm the need", "satisfaction", 0.95)).andExpect(status().isCreated()))
                    .get("id").asLong());
        }
        JsonNode c = body(getJson("/api/v1/blueprints/" + id + "/satisfaction", admin).andExpect(status().isOk()));
        assertThat(c.get("endToEnd").asDouble()).isEqualTo(0.5987);

        putJson("/api/v1/blueprints/" + id + "/steps/" + steps.get(3), admin, whole(StepForm.class, Map.of("name", "Checkout",
                "satisfaction", 0.7))).andExpect(status().isOk());
        c = body(getJson("/api/v1/blueprints/" + id + "/satisfaction", admin));
        assertThat(c.get("weakestStepId").asLong()).isEqualTo(steps.get(3));
        assertThat(c.get("weakestStepName").asText()).isEqualTo("Checkout");

        List<Long> reversed = new ArrayList<>(steps);
        Collections.reverse(reversed);
        JsonNode b = body(putJson("/api/v1/blueprints/" + id + "/steps/order", admin, Map.of("stepIds", reversed))
                .andExpect(status().isOk()));
        assertThat(b.get("steps").get(0).get("id").asLong()).isEqualTo(steps.get(9));
        assertThat(b.get("steps").get(0).get("stepNo").asInt()).isEqualTo(1);
        assertThat(b.get("steps").get(9).get("dos")).hasSize(2);
        putJson("/api/v1/blueprints/" + id + "/steps/order", admin, Map.of("stepIds", steps.subList(0, 3)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("stepIds"));

        deleteJson("/api/v1/blueprints/" + id + "/steps/" + steps.get(0), admin).andExpect(status().isNoContent());
        assertThat(body(getJson("/api/v1/blueprints/" + id, admin)).get("steps")).hasSize(9);
    }

    @Test
    void badInputAndUnknownIds() throws Exception {
        postJson("/api/v1/blueprints", admin, Map.of("outletType", type, "name", "")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        long id = body(postJson("/api/v1/blueprints", admin, Map.of("outletType", type, "name", "B"))).get("id").asLong();
        postJson("/api/v1/blueprints/" + id + "/steps", admin, Map.of("name", "S", "satisfaction", 1.5))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("satisfaction"));
        getJson("/api/v1/blueprints/999999999", admin).andExpect(status().isNotFound());
        putJson("/api/v1/blueprints/" + id + "/steps/999999999", admin, whole(StepForm.class, Map.of("name", "S"))).andExpect(status().isNotFound());
        putJson("/api/v1/blueprints/" + id, admin, whole(BlueprintForm.class, Map.of("outletType", type, "name", "B2", "version", 7)))
                .andExpect(status().isConflict());
    }
}
