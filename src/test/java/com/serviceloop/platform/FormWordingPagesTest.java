package com.serviceloop.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.Fixtures;
import com.serviceloop.PageTest;
import com.serviceloop.organisation.AppUser;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** A form value of the wrong form is refused next to its field in the reader's words, never with a Java type name. */
class FormWordingPagesTest extends PageTest {

    private ResultActions customerForm(AppUser who, String language, String wouldRecommend) throws Exception {
        Fixtures.Chain chain = fixtures.chain();
        return mvc.perform(post("/customers").with(user(who)).with(csrf()).header("Accept-Language", language)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("memberNo", Fixtures.unique("F"))
                .param("name", "Form Wording").param("homeOutletId", String.valueOf(chain.outletA().id()))
                .param("wouldRecommend", wouldRecommend));
    }

    @Test
    void aFractionForAWholeNumberIsRefusedInWordsInBothLanguages() throws Exception {
        AppUser admin = fixtures.admin();
        customerForm(admin, "en", "7.5").andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"field-error\"")))
                .andExpect(content().string(containsString("must be a whole number")))
                .andExpect(content().string(not(containsString("java.lang"))));
        customerForm(admin, "zh-CN", "7.5").andExpect(status().isOk())
                .andExpect(content().string(containsString("应为整数")))
                .andExpect(content().string(not(containsString("java.lang"))));
    }
}
