package com.serviceloop.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.Fixtures;
import com.serviceloop.PageTest;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The recognition, wall and scoreboard pages in both languages. */
class StaffPagesTest extends PageTest {
    private Fixtures.Chain chain;
    private AppUser manager;
    private AppUser wang;
    @Autowired StaffSettings settings;

    @BeforeEach
    void setUp() {
        fixtures.admin();
        chain = fixtures.chain();
        manager = fixtures.person(Role.MANAGER, chain.outletA().id());
        wang = fixtures.person(Role.STAFF, chain.outletA().id(), chain.teamA().id(), null);
    }

    @Test
    void aManagerWritesANoteAndTheRecipientReadsItInChinese() throws Exception {
        page(manager, "/recognition", "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("Write a note")));
        submit(manager, "/recognition", "to", "p:" + wang.id(), "text", "耐心为顾客讲解医保报销").andExpect(redirectedUrl("/recognition"));
        page(wang, "/recognition", "zh").andExpect(status().isOk())
                .andExpect(content().string(containsString("我收到的表扬")))
                .andExpect(content().string(containsString("耐心为顾客讲解医保报销")))
                .andExpect(content().string(not(containsString("Write a note"))));
        page(wang, "/recognition/wall", "zh").andExpect(status().isOk())
                .andExpect(content().string(containsString("表扬墙")))
                .andExpect(content().string(containsString("hx-trigger=\"every 60s\"")))
                .andExpect(content().string(containsString("耐心为顾客讲解医保报销")));
    }

    @Test
    void aChainWideManagerChangesTheFairnessSettingsOnTheTeamBoard() throws Exception {
        AppUser chainManager = fixtures.person(Role.MANAGER, chain.chain().id());
        try {
            page(chainManager, "/scoreboards/teams?outletId=" + chain.outletA().id(), "zh").andExpect(status().isOk())
                    .andExpect(content().string(containsString("全连锁的公平设置")));
            page(manager, "/scoreboards/teams", "en").andExpect(content().string(not(containsString("Fairness settings"))));
            submit(manager, "/scoreboards/settings", "minEvents", "5").andExpect(status().isForbidden());
            submit(chainManager, "/scoreboards/settings", "minEvents", "0").andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("from 1 to 10000")));
            submit(chainManager, "/scoreboards/settings", "hideNames", "true", "minEvents", "5")
                    .andExpect(redirectedUrl("/scoreboards/teams"));
            assertThat(settings.current()).isEqualTo(new StaffSettings.Values(false, true, 5));
        } finally {
            settings.update(new StaffSettingsForm(false, false, StaffSettings.DEFAULT_MIN_EVENTS));
        }
    }

    @Test
    void aNoteWithoutTextIsRefusedOnThePage() throws Exception {
        submit(manager, "/recognition", "to", "p:" + wang.id(), "text", " ").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Write what they did")));
    }

    @Test
    void theScoreboardSaysWhatIsNotRecordedPerPersonInBothLanguages() throws Exception {
        page(wang, "/scoreboards", "en").andExpect(status().isOk())
                .andExpect(content().string(containsString("Not recorded per person")))
                .andExpect(content().string(containsString("Cases on time")));
        page(wang, "/scoreboards", "zh").andExpect(status().isOk())
                .andExpect(content().string(containsString("未按个人记录")))
                .andExpect(content().string(containsString("按时处理率")));
        page(manager, "/scoreboards/teams", "zh").andExpect(status().isOk())
                .andExpect(content().string(containsString("班组记分牌")));
        page(manager, "/scoreboards/people/" + wang.id(), "en").andExpect(status().isOk());
        page(wang, "/scoreboards?from=2026-05-02&to=2026-05-01", "en").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("before its start")));
    }
}
