package com.serviceloop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.PersonForm;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.organisation.Role;
import com.serviceloop.team.LeadershipAction;
import com.serviceloop.team.LeadershipPlan;
import com.serviceloop.team.LeadershipResult;
import com.serviceloop.team.LeadershipService;
import com.serviceloop.team.Principle;
import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

// runs again on PostgreSQL in the build's second test execution (pom.xml: postgres-test)
@Tag("db")
@SpringBootTest
class DemoLeadershipTest {
    @Autowired DemoLeadership leadership;
    @Autowired Fixtures fixtures;
    @Autowired PersonService people;
    @Autowired LeadershipService rounds;
    @Autowired LeadershipPlan plan;

    @Test
    void oneManagerSeesTheMapAndAPlanTheOtherWaitsForAThirdAnswer() {
        String suffix = Fixtures.unique("").toUpperCase();
        Fixtures.Chain c = fixtures.chain();
        AppUser first = Fixtures.user(people.create(new PersonForm("人民路店店长", "manager1" + suffix, Fixtures.PASSWORD,
                Role.MANAGER, c.outletA().id(), null, null, null, true, null)));
        AppUser second = Fixtures.user(people.create(new PersonForm("解放路店店长", "manager2" + suffix, Fixtures.PASSWORD,
                Role.MANAGER, c.outletB().id(), null, null, null, true, null)));

        DemoLeadership.Loaded loaded = leadership.load(suffix);

        LeadershipResult mapped = rounds.result(first, loaded.mapped(), Locale.CHINESE);
        assertThat(mapped.othersShown()).isTrue();
        assertThat(mapped.answered()).isEqualTo(6);
        assertThat(mapped.counted()).isEqualTo(6);
        // others: communication 104 / 24 = 4.33, reward 60 / 24 = 2.50 against the leader's own 3.75
        assertThat(mapped.principles().getFirst().others()).isEqualByComparingTo(new BigDecimal("4.33"));
        assertThat(mapped.principles().get(2).others()).isEqualByComparingTo(new BigDecimal("2.50"));
        assertThat(mapped.principles().get(2).self()).isEqualByComparingTo(new BigDecimal("3.75"));
        assertThat(mapped.strengths()).containsExactly(Principle.COMMUNICATION);
        assertThat(mapped.weaknesses()).containsExactly(Principle.REWARD);
        assertThat(plan.actions(first, loaded.mapped())).hasSize(4).extracting(LeadershipAction::action)
                .anyMatch(a -> a.startsWith("每周晨会点名表扬"));
        assertThat(rounds.round(first, loaded.mapped()).invited()).isEqualTo(7);

        LeadershipResult waiting = rounds.result(second, loaded.waiting(), Locale.CHINESE);
        assertThat(waiting.othersShown()).isFalse();
        assertThat(waiting.answered()).isEqualTo(2);
        assertThat(waiting.principles()).allSatisfy(p -> assertThat(p.others()).isNull());
        assertThat(waiting.selfRated()).isTrue();
    }
}
