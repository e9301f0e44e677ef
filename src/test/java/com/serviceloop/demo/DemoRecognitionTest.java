package com.serviceloop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import com.serviceloop.staff.RecognitionSuggestions;
import com.serviceloop.staff.Scoreboards;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

// runs again on PostgreSQL in the build's second test execution (pom.xml: postgres-test)
@Tag("db")
@SpringBootTest
class DemoRecognitionTest {
    @Autowired DemoRecognition recognition;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired RecognitionSuggestions suggestions;
    @Autowired Scoreboards boards;

    private long praise(long outlet, long owner, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO support_case (outlet_id, channel, case_type, severity, status, description, owner_id, received_by,
                    created_at, updated_at)
                VALUES (:o, 'LETTER', 'PRAISE', 'LOW', 'CLOSED', '感谢店员耐心讲解', :p, :p, :t, :t)""")
                .param("o", outlet).param("p", owner).param("t", at).update();
        return jdbc.sql("SELECT MAX(id) FROM support_case").query(Long.class).single();
    }

    @Test
    void eighteenMonthsOfChineseNotesFillTheRollupAndLeaveRecentPraiseToSuggest() {
        Fixtures.Chain c = fixtures.chain();
        long a = c.outletA().id();
        AppUser manager = fixtures.person(Role.MANAGER, a);
        AppUser wang = fixtures.person(Role.STAFF, a, c.teamA().id(), null);
        fixtures.person(Role.STAFF, a);
        OffsetDateTime now = OffsetDateTime.now();
        long old = praise(a, wang.id(), now.minusMonths(6));
        long recent = praise(a, wang.id(), now.minusDays(3));
        int loaded = recognition.load(List.of(c.outletA(), c.outletB())); // B has nobody: no notes there
        // about one day in four over 18 months (~137), plus the linked praise
        assertThat(loaded).isBetween(90, 200);
        LocalDate first = jdbc.sql("SELECT MIN(written_on) FROM staff_recognition WHERE outlet_id = :o").param("o", a)
                .query(LocalDate.class).single();
        assertThat(first).isBefore(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusMonths(17));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM staff_recognition WHERE outlet_id = :o").param("o", c.outletB().id())
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT MIN(what_done) FROM staff_recognition WHERE outlet_id = :o").param("o", a)
                .query(String.class).single()).matches(".*[\\u4e00-\\u9fff].*");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM staff_recognition WHERE team_id = :t").param("t", c.teamA().id())
                .query(Integer.class).single()).isPositive();
        // the rollup holds every note to a person
        assertThat(jdbc.sql("SELECT SUM(recognitions) FROM staff_scoreboard_day WHERE outlet_id = :o").param("o", a)
                .query(Integer.class).single()).isEqualTo(jdbc.sql(
                        "SELECT COUNT(*) FROM staff_recognition WHERE outlet_id = :o AND person_id IS NOT NULL")
                .param("o", a).query(Integer.class).single());
        assertThat(boards.person(manager, wang.id(), LocalDate.now().minusYears(1), LocalDate.now()).figures().recognitions())
                .isPositive();
        // the praise of three days ago waits for the manager; the old one may have had its note
        assertThat(suggestions.forManager(manager)).extracting(RecognitionSuggestions.Suggestion::sourceId).contains(recent)
                .doesNotContain(old);
    }
}
