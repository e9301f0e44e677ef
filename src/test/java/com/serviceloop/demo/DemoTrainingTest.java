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
import com.serviceloop.team.EvaluationService;
import com.serviceloop.team.EvaluationSummary;
import com.serviceloop.team.Programme;
import com.serviceloop.team.TrainingRecords;
import com.serviceloop.team.TrainingSession;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

// runs again on PostgreSQL in the build's second test execution (pom.xml: postgres-test)
@Tag("db")
@SpringBootTest
class DemoTrainingTest {
    @Autowired DemoTeam team;
    @Autowired DemoTraining training;
    @Autowired Fixtures fixtures;
    @Autowired PersonService people;
    @Autowired EvaluationService evaluations;
    @Autowired TrainingRecords records;
    @Autowired StandardService standards;

    @Test
    void twoProgrammesWithSessionsResultsAndEvaluationsThatShowATrendAndItemsToImprove() {
        String suffix = Fixtures.unique("").toUpperCase();
        Fixtures.Chain c = fixtures.chain();
        people.create(new PersonForm("质量经理", "quality.manager" + suffix, Fixtures.PASSWORD, Role.MANAGER, c.chain().id(),
                null, null, null, true, null));
        fixtures.person(Role.MANAGER, c.outletA().id());
        for (int i = 0; i < 6; i++) {
            fixtures.person(Role.STAFF, i % 2 == 0 ? c.outletA().id() : c.outletB().id());
        }
        // other tests leave "pharmacy" standards behind, so the starter library may be skipped: one standard in an area
        // of each programme for sure
        standards.create(fixtures.admin(), new StandardForm("pharmacy", "GUIDANCE", "讲清每种药的用法用量" + suffix, Kind.HARD,
                null, null, null, null, null, null, null, null));
        standards.create(fixtures.admin(), new StandardForm("pharmacy", "PROBLEM_SOLVING", "投诉当场答复处理方案" + suffix,
                Kind.HARD, null, null, null, null, null, null, null, null));
        DemoTeam.Loaded staffed = team.load(List.of(c.outletA(), c.outletB()), suffix);
        DemoTraining.Loaded loaded = training.load(List.of(c.outletA(), c.outletB()), suffix, staffed.jobs());

        assertThat(loaded.programmes()).extracting(Programme::name)
                .containsExactly("处方药咨询服务" + suffix, "投诉处理与服务补救" + suffix);
        assertThat(loaded.programmes()).allSatisfy(p -> assertThat(p.standardIds()).isNotEmpty());
        assertThat(loaded.sessions()).hasSize(7);
        // the last complaint-handling session is still to come: attendees, no results
        TrainingSession planned = loaded.sessions().getLast();
        assertThat(planned.attendees()).isNotEmpty().allSatisfy(a -> assertThat(a.attended()).isNull());
        assertThat(loaded.sessions().getFirst().attendees()).anySatisfy(a -> assertThat(a.passed()).isTrue());
        assertThat(loaded.evaluations()).isEqualTo(20);

        AppUser admin = fixtures.admin();
        EvaluationSummary advice = evaluations.summary(admin, loaded.programmes().getFirst().id());
        assertThat(advice.evaluations()).isEqualTo(10);
        assertThat(advice.months()).hasSize(6);
        assertThat(advice.months().getLast().meanTotal())
                .isGreaterThan(advice.months().getFirst().meanTotal().add(BigDecimal.TEN));
        EvaluationSummary recovery = evaluations.summary(admin, loaded.programmes().get(1).id());
        assertThat(recovery.improveNow()).containsExactly(19, 20);
        assertThat(recovery.items().get(18).mean()).isEqualByComparingTo("1.90");
        assertThat(records.gaps(admin, c.outletA().id()).withGaps()).isPositive();
    }
}
