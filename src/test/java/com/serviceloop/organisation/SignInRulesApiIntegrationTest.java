package com.serviceloop.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The mapping rules an administrator edits: checked when saved (each refusal names its field), tried in
 * order at sign-in with the captured unit code put in, and refusing a person none of them matches.
 */
class SignInRulesApiIntegrationTest extends ApiTest {
    @Autowired SignInRules rules;

    private static Map<String, Object> rule(String pattern, String role, String unitCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("pattern", pattern);
        body.put("role", role);
        body.put("unitCode", unitCode);
        return body;
    }

    @Test
    void anAdministratorKeepsRulesAndEveryBadOneIsRefusedByField() throws Exception {
        String admin = token(fixtures.admin());
        Fixtures.Chain chain = fixtures.chain();
        String code = chain.outletA().code();

        JsonNode created = body(postJson("/api/v1/sign-in-rules", admin, rule("sso-test-" + code + "-staff", "STAFF", code))
                .andExpect(status().isCreated()));
        assertThat(created.get("claim").asString()).isEqualTo("groups");
        assertThat(created.get("role").asString()).isEqualTo("STAFF");
        long id = created.get("id").asLong();
        getJson("/api/v1/sign-in-rules", admin).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].unitCode").value(code));

        postJson("/api/v1/sign-in-rules", admin, rule("x", "OWNER", code)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"))
                .andExpect(jsonPath("$.errors[0].message").value("Unknown role 'OWNER'; choose one of ADMIN, MANAGER, STAFF, AUDITOR, SHOPPER"));
        postJson("/api/v1/sign-in-rules", admin, rule("store-(\\d+", "MANAGER", "$1")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("pattern"));
        postJson("/api/v1/sign-in-rules", admin, rule("x", "MANAGER", "NO-SUCH-UNIT-" + code)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitCode"))
                .andExpect(jsonPath("$.errors[0].message").value("No unit has the code 'NO-SUCH-UNIT-" + code + "'"));
        postJson("/api/v1/sign-in-rules", admin, rule("store-(\\d+)-managers", "MANAGER", "$2")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitCode"));
        postJson("/api/v1/sign-in-rules", admin, rule("x", "MANAGER", null)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitCode"));
        postJson("/api/v1/sign-in-rules", admin, rule("", "MANAGER", code)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("pattern"));
        Map<String, Object> badClaim = rule("x", "STAFF", code);
        badClaim.put("claim", "groups\nforged");
        postJson("/api/v1/sign-in-rules", admin, badClaim).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("claim"));

        // an administrator's rule keeps no unit, whatever was sent
        JsonNode admins = body(postJson("/api/v1/sign-in-rules", admin, rule("sso-test-admins", "admin", code))
                .andExpect(status().isCreated()));
        assertThat(admins.get("role").asString()).isEqualTo("ADMIN");
        assertThat(admins.get("unitCode").isNull()).isTrue();

        Map<String, Object> change = rule("sso-test-" + code + "-auditors", "AUDITOR", code);
        change.put("claim", "roles");
        change.put("position", 5);
        change.put("version", created.get("version").asInt());
        JsonNode changed = body(putJson("/api/v1/sign-in-rules/" + id, admin, change).andExpect(status().isOk()));
        assertThat(changed.get("claim").asString()).isEqualTo("roles");
        assertThat(changed.get("position").asInt()).isEqualTo(5);
        putJson("/api/v1/sign-in-rules/" + id, admin, change).andExpect(status().isConflict());

        deleteJson("/api/v1/sign-in-rules/" + id, admin).andExpect(status().isNoContent());
        deleteJson("/api/v1/sign-in-rules/" + admins.get("id").asLong(), admin).andExpect(status().isNoContent());
        getJson("/api/v1/sign-in-rules/" + id, admin).andExpect(status().isNotFound());
    }

    @Test
    void onlyAdministratorsSeeOrChangeTheRules() throws Exception {
        fixtures.admin();
        String manager = token(fixtures.person(Role.MANAGER, fixtures.chain().chain().id()));
        getJson("/api/v1/sign-in-rules", manager).andExpect(status().isForbidden());
        postJson("/api/v1/sign-in-rules", manager, rule("x", "ADMIN", null)).andExpect(status().isForbidden());
    }

    @Test
    void theFirstMatchingRuleGivesRoleAndTheCapturedUnitAndNoMatchIsRefused() throws Exception {
        String admin = token(fixtures.admin());
        Fixtures.Chain chain = fixtures.chain();
        // outlet codes look like OUTLET-1a2b3c4d; the group carries the part after the dash
        String suffix = chain.outletB().code().substring("OUTLET-".length());
        String tag = Fixtures.unique("t").replace("-", "");
        postJson("/api/v1/sign-in-rules", admin, Map.of("position", 1, "pattern", tag + "-store-(\\w+)-managers",
                "role", "MANAGER", "unitCode", "OUTLET-$1")).andExpect(status().isCreated());
        postJson("/api/v1/sign-in-rules", admin, Map.of("position", 2, "pattern", tag + "-store-(?<shop>\\w+)-.*",
                "role", "STAFF", "unitCode", "OUTLET-${shop}")).andExpect(status().isCreated());

        SignInRules.Mapping manager = rules.resolve(Map.of("groups", List.of("everyone", tag + "-store-" + suffix + "-managers")));
        assertThat(manager.role()).isEqualTo(Role.MANAGER);
        assertThat(manager.unit().id()).isEqualTo(chain.outletB().id());
        SignInRules.Mapping staff = rules.resolve(Map.of("groups", List.of(tag + "-store-" + suffix + "-cashiers")));
        assertThat(staff.role()).isEqualTo(Role.STAFF);
        assertThat(staff.unit().id()).isEqualTo(chain.outletB().id());

        assertThatThrownBy(() -> rules.resolve(Map.of("groups", List.of(tag + "-store-nosuch-managers"))))
                .isInstanceOfSatisfying(SignInRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(SignInRefused.Reason.UNIT);
                    assertThat(e.getMessage()).contains("OUTLET-nosuch");
                });
        assertThatThrownBy(() -> rules.resolve(Map.of("groups", List.of(tag + "-elsewhere"), "email", List.of("a@b.c"))))
                .isInstanceOfSatisfying(SignInRefused.class, e -> assertThat(e.reason()).isEqualTo(SignInRefused.Reason.UNMAPPED));
    }
}
