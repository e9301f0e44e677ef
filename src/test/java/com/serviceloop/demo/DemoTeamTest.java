package com.serviceloop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.PersonForm;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.organisation.Role;
import com.serviceloop.standard.Kind;
import com.serviceloop.standard.StandardForm;
import com.serviceloop.standard.StandardService;
import com.serviceloop.team.Candidate;
import com.serviceloop.team.Comparison;
import com.serviceloop.team.Description;
import com.serviceloop.team.DescriptionService;
import com.serviceloop.team.Job;
import com.serviceloop.team.JobService;
import com.serviceloop.team.SelectionService;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

// runs again on PostgreSQL in the build's second test execution (pom.xml: postgres-test)
@Tag("db")
@SpringBootTest
class DemoTeamTest {
    @Autowired DemoTeam team;
    @Autowired Fixtures fixtures;
    @Autowired PersonService people;
    @Autowired StandardService standards;
    @Autowired JobService jobs;
    @Autowired DescriptionService descriptions;
    @Autowired SelectionService selection;

    @Test
    void thePharmacyChainGetsFourJobsWithSavedDescriptionsAndItsStaffInThem() {
        String suffix = Fixtures.unique("").toUpperCase();
        Fixtures.Chain c = fixtures.chain();
        people.create(new PersonForm("质量经理", "quality.manager" + suffix, Fixtures.PASSWORD, Role.MANAGER, c.chain().id(),
                null, null, null, true, null));
        fixtures.person(Role.MANAGER, c.outletA().id());
        fixtures.person(Role.STAFF, c.outletA().id(), c.teamA().id(), null);
        fixtures.person(Role.STAFF, c.outletA().id());
        fixtures.person(Role.STAFF, c.outletB().id());

        // other tests leave "pharmacy" standards behind, so the starter library may be skipped: one timeliness standard for sure
        standards.create(fixtures.admin(), new StandardForm("pharmacy", "TIMELINESS", "收银排队不超过 3 人", Kind.HARD, null,
                null, null, null, null, null, null, null));
        DemoTeam.Loaded loaded = team.load(List.of(c.outletA(), c.outletB()), suffix);

        assertThat(standards.list("pharmacy", false)).isNotEmpty();
        assertThat(loaded.jobs()).extracting(Job::name)
                .containsExactly("执业药师" + suffix, "营业员" + suffix, "收银员" + suffix, "店长" + suffix);
        // one outlet manager and three staff: the manager runs the outlet, the staff rotate pharmacist, assistant, cashier
        assertThat(loaded.holders()).isEqualTo(4);
        AppUser admin = fixtures.admin();
        assertThat(loaded.jobs()).extracting(j -> jobs.holders(admin, j.id()).size()).containsExactly(1, 1, 1, 1);
        Description pharmacist = descriptions.current(loaded.jobs().getFirst().id(), Locale.SIMPLIFIED_CHINESE);
        assertThat(pharmacist.versionNo()).isEqualTo(1);
        assertThat(pharmacist.authorName()).isEqualTo("质量经理");
        assertThat(pharmacist.content().purpose()).startsWith("为每位顾客审核处方");
        // two candidates, each scored by the quality manager and the outlet manager
        assertThat(loaded.candidates()).extracting(Candidate::name).containsExactly("陈静", "刘洋");
        Comparison cmp = selection.comparison(admin, loaded.jobs().get(1).id());
        assertThat(cmp.candidates()).hasSize(2).allSatisfy(r -> assertThat(r.interviewers()).isEqualTo(2));
    }
}
