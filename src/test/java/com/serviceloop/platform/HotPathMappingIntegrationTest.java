package com.serviceloop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.survey.PublicSurveyApi;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The public survey endpoints have a request mapping of their own, ahead of the rest, and appear once. */
class HotPathMappingIntegrationTest extends ApiTest {
    @Autowired List<RequestMappingHandlerMapping> mappings;
    @Autowired @Qualifier("hotPathHandlerMapping") RequestMappingHandlerMapping hot;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping main;

    private static List<Class<?>> controllers(RequestMappingHandlerMapping m) {
        return m.getHandlerMethods().values().stream().<Class<?>>map(HandlerMethod::getBeanType).distinct().toList();
    }

    @Test
    void thePublicSurveyEndpointsAreMappedOnceAndFirst() throws Exception {
        assertThat(controllers(hot)).containsExactly(PublicSurveyApi.class);
        assertThat(hot.getHandlerMethods()).hasSize(2);
        assertThat(hot.getOrder()).isLessThan(main.getOrder());
        assertThat(controllers(main)).hasSizeGreaterThan(20);
        for (RequestMappingHandlerMapping m : mappings) {
            if (m != hot) {
                assertThat(controllers(m)).doesNotContain(PublicSurveyApi.class);
            }
        }
        // the API description lists them once, like any other endpoint
        JsonNode docs = json.readTree(mvc.perform(get("/v3/api-docs").header("Authorization", "Bearer " + token(fixtures.admin())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(docs.at("/paths").has("/api/v1/public/surveys/{token}/responses")).isTrue();
        assertThat(docs.at("/paths/~1api~1v1~1public~1surveys~1{token}~1responses/post/operationId").asText())
                .isEqualTo("submit");
    }

    @Test
    void aPublicLinkThatDoesNotExistIsStillA404AndOtherPathsStillResolve() throws Exception {
        String admin = token(fixtures.admin());
        mvc.perform(get("/api/v1/public/surveys/" + "A".repeat(43))).andExpect(status().isNotFound());
        getJson("/api/v1/surveys", admin).andExpect(status().isOk());
    }
}
