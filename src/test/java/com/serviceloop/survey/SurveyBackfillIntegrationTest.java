package com.serviceloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.TestClock;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import com.serviceloop.platform.BadInputException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Past answers loaded in bulk keep their time and go the way of a public answer: the same
 * satisfaction index, a case for one at or below the threshold, the daily aggregates filled.
 */
class SurveyBackfillIntegrationTest extends ApiTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    @Autowired SurveyBackfill backfill;
    @Autowired SurveyAnalysis analysis;
    @Autowired SurveyRollup rollup;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Overall, staff, waiting time, advice on 1 to 5 (the visit survey's four ratings), and a comment. */
    private static Map<Long, Object> visit(List<Question> q, int overall, int staff, int waiting, int advice, String comment) {
        return comment == null ? Map.of(q.get(0).id(), overall, q.get(1).id(), staff, q.get(2).id(), waiting, q.get(3).id(), advice)
                : Map.of(q.get(0).id(), overall, q.get(1).id(), staff, q.get(2).id(), waiting, q.get(3).id(), advice,
                        q.get(6).id(), comment);
    }

    private List<Map<String, Object>> responses(long outletId) {
        return jdbc.sql("SELECT id, satisfaction, customer_id, case_id, link_token, channel FROM survey_response "
                + "WHERE outlet_id = :o ORDER BY id").param("o", outletId).query().listOfRows();
    }

    @Test
    void pastAnswersKeepTheirTimeAndCountLikePublicOnes() {
        AppUser admin = fixtures.admin();
        Fixtures.Chain chain = fixtures.chain();
        fixtures.person(Role.MANAGER, chain.outletA().id()); // owns the case the low answer raises
        long customer = fixtures.customer(admin, chain.outletA().id(), "回访顾客");
        List<Question> q = backfill.questions("post-visit");
        OffsetDateTime tenDaysAgo = ZonedDateTime.now(clock).withZoneSameInstant(ZONE).minusDays(10).withHour(10)
                .withMinute(0).withSecond(0).withNano(0).toOffsetDateTime();
        OffsetDateTime twoDaysAgo = tenDaysAgo.plusDays(8);
        // everything older than a minute counts as settled: other tests' answers of a moment ago must not hold up the roll-up
        clock.advance(Duration.ofMinutes(2));

        // ratings 5, 4, 3, 4 are 100, 75, 50, 75 on 0-100: index 75; all 3s: 50; 1, 2, 1, 2: 12.5, at or below 25
        SurveyBackfill.Loaded loaded = backfill.load("post-visit", "QR", List.of(
                new SurveyBackfill.PastResponse(chain.outletA().id(), tenDaysAgo, null, visit(q, 5, 4, 3, 4, "药师讲得很清楚")),
                new SurveyBackfill.PastResponse(chain.outletA().id(), tenDaysAgo.plusHours(2), customer, visit(q, 3, 3, 3, 3, null)),
                new SurveyBackfill.PastResponse(chain.outletA().id(), twoDaysAgo, null, visit(q, 1, 2, 1, 2, "排队太久"))));

        assertThat(loaded).isEqualTo(new SurveyBackfill.Loaded(3, 1));
        List<Map<String, Object>> rows = responses(chain.outletA().id());
        assertThat(rows).hasSize(3);
        assertThat(jdbc.sql("SELECT submitted_at FROM survey_response WHERE outlet_id = :o ORDER BY id")
                .param("o", chain.outletA().id()).query(OffsetDateTime.class).list()).extracting(OffsetDateTime::toInstant)
                .containsExactly(tenDaysAgo.toInstant(), tenDaysAgo.plusHours(2).toInstant(), twoDaysAgo.toInstant());
        assertThat(rows).extracting(r -> ((BigDecimal) r.get("satisfaction")).doubleValue()).containsExactly(75.0, 50.0, 12.5);
        // the customer answered an invitation made for them, used when they answered; the others came by the outlet's QR code
        assertThat(rows.get(1).get("customer_id")).isEqualTo(customer);
        assertThat(rows).extracting(r -> r.get("channel")).containsExactly("QR", "EMAIL", "QR");
        assertThat(rows.get(0).get("link_token")).isEqualTo(rows.get(2).get("link_token"));
        assertThat(jdbc.sql("SELECT single_use, customer_id, used_at FROM survey_link WHERE token = :t")
                .param("t", rows.get(1).get("link_token")).query((rs, i) -> rs.getBoolean(1) && rs.getLong(2) == customer
                        && rs.getObject(3, OffsetDateTime.class).toInstant().equals(tenDaysAgo.plusHours(2).toInstant()))
                .single()).isTrue();
        // only the low answer became a case: a survey complaint of outlet A, noted on the response
        assertThat(rows).extracting(r -> r.get("case_id") != null).containsExactly(false, false, true);
        assertThat(jdbc.sql("SELECT channel, outlet_id, case_type FROM support_case WHERE id = :id")
                .param("id", rows.get(2).get("case_id"))
                .query((rs, i) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3)).single())
                .isEqualTo("SURVEY " + chain.outletA().id() + " COMPLAINT");

        // folded into the daily aggregates, by the day each was given
        assertThat(rollup.mark()).isGreaterThanOrEqualTo((Long) rows.get(2).get("id"));
        long survey = q.getFirst().surveyId();
        LocalDate day = tenDaysAgo.atZoneSameInstant(ZONE).toLocalDate();
        assertThat(jdbc.sql("SELECT stat_day, responses, sat_n, sat_sum FROM survey_daily WHERE survey_id = :s AND outlet_id = :o "
                        + "ORDER BY stat_day").param("s", survey).param("o", chain.outletA().id())
                .query((rs, i) -> rs.getObject(1, LocalDate.class) + " " + rs.getInt(2) + " " + rs.getInt(3) + " "
                        + rs.getBigDecimal(4).stripTrailingZeros().toPlainString()).list())
                .containsExactly(day + " 2 2 125", day.plusDays(8) + " 1 1 12.5");
        // and read back as the dashboards read them: (75 + 50 + 12.5) / 3
        SurveyAnalysis.Summary summary = analysis.summary(admin, survey, new SurveyAnalysis.Filter(chain.outletA().id(), null, null));
        assertThat(summary.responses()).isEqualTo(3);
        assertThat(summary.satisfactionIndex()).isCloseTo(45.83, within(0.01));
        assertThat(analysis.comments(admin, survey, new SurveyAnalysis.Filter(chain.outletA().id(), null, null), 10))
                .extracting(SurveyAnalysis.Comment::text).containsExactly("排队太久", "药师讲得很清楚");

        // a later load for the outlet answers through the same QR link
        backfill.load("post-visit", "QR", List.of(
                new SurveyBackfill.PastResponse(chain.outletA().id(), twoDaysAgo, null, visit(q, 4, 4, 4, 4, null))));
        assertThat(responses(chain.outletA().id()).get(3).get("link_token")).isEqualTo(rows.get(0).get("link_token"));
    }

    @Test
    void aMalformedAnswerOrAFutureTimeLoadsNothing() {
        Fixtures.Chain chain = fixtures.chain();
        List<Question> q = backfill.questions("post-visit");
        OffsetDateTime yesterday = OffsetDateTime.now(clock).minusDays(1);
        var good = new SurveyBackfill.PastResponse(chain.outletB().id(), yesterday, null, visit(q, 4, 4, 4, 4, null));
        assertThatThrownBy(() -> backfill.load("post-visit", "QR", List.of(good,
                new SurveyBackfill.PastResponse(chain.outletB().id(), yesterday, null, visit(q, 6, 4, 4, 4, null)))))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.field()).isEqualTo("answers." + q.getFirst().id()));
        assertThatThrownBy(() -> backfill.load("post-visit", "QR", List.of(good,
                new SurveyBackfill.PastResponse(chain.outletB().id(), OffsetDateTime.now(clock).plusHours(1), null,
                        visit(q, 4, 4, 4, 4, null))))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backfill.load("post-visit", "EMAIL", List.of(good))).isInstanceOf(IllegalArgumentException.class);
        assertThat(responses(chain.outletB().id())).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_link WHERE outlet_id = :o").param("o", chain.outletB().id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theJobLeavesAMarkHeldByABulkLoadToItsNextRun() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread loader = new Thread(() -> tx.executeWithoutResult(s -> {
            rollup.holdMark();
            held.countDown();
            try {
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        loader.start();
        try {
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            rollup.scheduled(); // neither waits for the lock nor fails on its timeout
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        } finally {
            done.countDown();
            loader.join();
        }
    }
}
