package com.serviceloop;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.serviceloop.organisation.AppUser;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Base of the page tests: a signed-in person browsing in a given language. */
// runs again on PostgreSQL in the build's second test execution (pom.xml: postgres-test)
@Tag("db")
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureMetrics
public abstract class PageTest {
    @Autowired protected MockMvc mvc;
    @Autowired protected Fixtures fixtures;

    protected ResultActions page(AppUser who, String url, String language) throws Exception {
        return mvc.perform(get(url).with(user(who)).header("Accept-Language", language).accept(MediaType.TEXT_HTML));
    }

    protected ResultActions submit(AppUser who, String url, String... fieldsAndValues) throws Exception {
        var request = post(url).with(user(who)).with(csrf()).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            request.param(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return mvc.perform(request);
    }
}
