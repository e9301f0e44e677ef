package com.serviceloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.serviceloop.Fixtures;
import com.serviceloop.PageTest;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Survey links on pages, posters and QR codes come from serviceloop.base-url (here the tests'
 * loopback default), never from the request: a forged Host header cannot put another site on a
 * printed poster, nor in the kiosk's "answer again" address.
 */
class PublicLinkHostIntegrationTest extends PageTest {
    private static final String FORGED = "evil.example";
    @Autowired SurveyRepository surveys;
    @Autowired SurveyLinks links;

    private String forged(AppUser who, String url) throws Exception {
        return mvc.perform(get(url).with(user(who)).header("Host", FORGED).header("Accept-Language", "en")
                .accept(MediaType.TEXT_HTML, MediaType.valueOf("image/svg+xml"))).andReturn().getResponse().getContentAsString();
    }

    @Test
    void linksUseTheConfiguredBaseUrlWhateverHostTheRequestNames() throws Exception {
        fixtures.admin();
        Fixtures.Chain chain = fixtures.chain();
        AppUser manager = fixtures.person(Role.MANAGER, chain.outletA().id());
        long survey = surveys.byCode("post-visit").orElseThrow().id();
        String token = links.create(manager, survey, new SurveyLinks.LinkForm(chain.outletA().id(), "KIOSK", false, null)).token();
        String expected = "http://localhost:8080/s/" + token;

        assertThat(forged(manager, "/surveys/links/" + token + "/poster")).contains(expected).doesNotContain(FORGED);
        assertThat(forged(manager, "/surveys/" + survey)).contains(expected).doesNotContain(FORGED);
        String qr = forged(manager, "/surveys/links/" + token + "/qr.svg");
        assertThat(qr).doesNotContain(FORGED);
        assertThat(qr).isEqualTo(QrSvg.svg(expected));

        var answer = post("/s/" + token).header("Host", FORGED).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("submissionKey", Fixtures.unique("host-key"));
        for (Question q : surveys.questions(survey)) {
            if (q.qtype().isNumeric()) {
                answer.param("q" + q.id(), String.valueOf(q.qtype().max()));
            }
        }
        String thanks = mvc.perform(answer).andReturn().getResponse().getContentAsString();
        assertThat(thanks).contains("url=/s/" + token).doesNotContain(FORGED);
    }
}
