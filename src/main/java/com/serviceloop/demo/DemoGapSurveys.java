package com.serviceloop.demo;

import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.survey.Question;
import com.serviceloop.survey.SurveyBackfill;
import com.serviceloop.survey.SurveyBackfill.PastResponse;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.stereotype.Component;

/**
 * The managers' and staff surveys of the five-gap model, three rounds over the demo's months: at
 * every outlet two managers and four to six staff answer each round. Managers underrate how much
 * customers care about speed and personal attention, and the standards say least about them; at
 * 南京西路店 staff say they cannot keep up at the counter, at 东门店 they find it easier each round.
 */
@Component
class DemoGapSurveys {
    /** The managers' estimate of customers' expectations minus the real ones, by dimension. */
    private static final double[] PREDICTION_BIAS = {0.3, -0.2, -0.9, 0.0, -0.6};
    /** How fully the standards spell out each dimension, and how far staff can deliver and promises hold, 1 to 7. */
    private static final double[] STANDARDS = {6.0, 5.6, 4.4, 5.5, 4.6};
    private static final double[] DELIVERY = {5.6, 5.2, 4.8, 5.4, 5.0};
    private static final double[] PROMISES = {6.0, 5.0, 4.9, 5.7, 5.3};
    private final SurveyBackfill backfill;

    DemoGapSurveys(SurveyBackfill backfill) {
        this.backfill = backfill;
    }

    SurveyBackfill.Loaded load(Random rnd, List<OrgUnit> outlets, int months, ZonedDateTime now) {
        List<Question> management = backfill.questions("gaps-management");
        List<Question> staff = backfill.questions("gaps-staff");
        int[] monthsAgo = {months - 3, months / 2, 2};
        List<PastResponse> managers = new ArrayList<>();
        List<PastResponse> staffAnswers = new ArrayList<>();
        for (int round = 0; round < monthsAgo.length; round++) {
            ZonedDateTime day = now.minusMonths(monthsAgo[round]).withHour(10);
            for (int o = 0; o < outlets.size(); o++) {
                long outlet = outlets.get(o).id();
                for (int i = 0; i < 2; i++) {
                    managers.add(new PastResponse(outlet, day.plusDays(rnd.nextInt(7)).plusMinutes(rnd.nextInt(480))
                            .toOffsetDateTime(), null, management(rnd, management)));
                }
                for (int i = 4 + rnd.nextInt(3); i > 0; i--) {
                    staffAnswers.add(new PastResponse(outlet, day.plusDays(rnd.nextInt(14)).plusMinutes(rnd.nextInt(600))
                            .toOffsetDateTime(), null, staff(rnd, o, round, staff)));
                }
            }
        }
        SurveyBackfill.Loaded m = backfill.load("gaps-management", "LINK", managers);
        SurveyBackfill.Loaded s = backfill.load("gaps-staff", "LINK", staffAnswers);
        return new SurveyBackfill.Loaded(m.responses() + s.responses(), m.cases() + s.cases());
    }

    private static Map<Long, Object> management(Random rnd, List<Question> q) {
        Map<Long, Object> a = new LinkedHashMap<>();
        for (Question x : q) {
            int d = x.dimension().ordinal();
            a.put(x.id(), "PREDICTED".equals(x.side()) ? DemoSurveys.seven(rnd, DemoSurveys.EXPECTED[d] + PREDICTION_BIAS[d], 0.6)
                    : DemoSurveys.seven(rnd, STANDARDS[d], 0.6));
        }
        return a;
    }

    private static Map<Long, Object> staff(Random rnd, int outlet, int round, List<Question> q) {
        Map<Long, Object> a = new LinkedHashMap<>();
        for (Question x : q) {
            int d = x.dimension().ordinal();
            double shift = outlet == DemoSurveys.WEAK && d == 2 ? -1.2 : outlet == DemoSurveys.IMPROVING ? -0.8 + 0.4 * round : 0;
            a.put(x.id(), "DELIVERY".equals(x.side()) ? DemoSurveys.seven(rnd, DELIVERY[d] + shift, 0.7)
                    : DemoSurveys.seven(rnd, PROMISES[d], 0.7));
        }
        return a;
    }
}
