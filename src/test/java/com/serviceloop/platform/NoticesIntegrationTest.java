package com.serviceloop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.serviceloop.ApiTest;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The generic inbox: posted for one person, read in their language, newest first, marked read only by them. */
class NoticesIntegrationTest extends ApiTest {
    @Autowired Notices notices;

    @Test
    void aPersonListsAndReadsTheirOwnNotices() {
        AppUser anna = fixtures.person(Role.STAFF, fixtures.chain().outletA().id());
        AppUser ben = fixtures.person(Role.STAFF, fixtures.chain().outletA().id());
        notices.post(anna.id(), "AUDIT_DUE", "/audits", "audits.notice.due", "Jiefang Rd", "Walk-around", "2026-03-01");
        notices.postText(anna.id(), "AUDIT_ACTION", null, "Thanks for the tidy counter");
        notices.post(ben.id(), "AUDIT_DUE", "/audits", "audits.notice.due", "Dongmen", "Walk-around", "2026-03-02");

        List<Notices.Notice> mine = notices.recent(anna.id(), 10);
        assertThat(mine).hasSize(2);
        assertThat(notices.text(mine.get(0), Locale.CHINESE)).isEqualTo("Thanks for the tidy counter");
        assertThat(notices.text(mine.get(1), Locale.ENGLISH)).isEqualTo("The audit of Jiefang Rd (Walk-around) is due on 2026-03-01");
        assertThat(notices.text(mine.get(1), Locale.CHINESE)).isEqualTo("Jiefang Rd 的审核（Walk-around）应于 2026-03-01 完成");
        assertThat(notices.unread(anna.id())).isEqualTo(2);

        long bens = notices.recent(ben.id(), 1).getFirst().id();
        assertThat(notices.markRead(anna.id(), bens)).as("not hers to read").isZero();
        assertThat(notices.markRead(anna.id(), mine.get(1).id())).isEqualTo(1);
        assertThat(notices.markRead(anna.id(), mine.get(1).id())).as("already read").isZero();
        assertThat(notices.unread(anna.id())).isEqualTo(1);
        assertThat(notices.markRead(anna.id(), null)).isEqualTo(1);
        assertThat(notices.unread(anna.id())).isZero();
        assertThat(notices.recent(anna.id(), 10).get(0).readAt()).isNotNull();
        assertThat(notices.unread(ben.id())).isEqualTo(1);

        assertThatThrownBy(() -> notices.post(anna.id(), "X", "https://elsewhere.example", "audits.notice.due"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
