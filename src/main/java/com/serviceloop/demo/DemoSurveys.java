package com.serviceloop.demo;

import com.serviceloop.customer.CustomerBulkLoad;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.survey.Dimension;
import com.serviceloop.survey.Question;
import com.serviceloop.survey.SurveyBackfill;
import com.serviceloop.survey.SurveyBackfill.PastResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.stereotype.Component;

/**
 * The demo chain's customer answers over its months: the visit survey (about 45 a month per outlet),
 * would-recommend (about 12) and SERVQUAL (about 8), a third of them from known customers, a quarter
 * with a comment. 南京西路店 is slow at lunch time (low responsiveness), 东门店 gets better month by
 * month, 福田店 slips a little. Older answers stay above the visit survey's case threshold (a case
 * raised today for a visit months ago would be stale; the chain's past complaints come from
 * DemoCases); a few very unhappy answers of the last days become cases the way a live answer does.
 */
@Component
class DemoSurveys {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int WEAK = 1;
    static final int IMPROVING = 5;
    /** What customers expect of an excellent pharmacy, by dimension in the order of {@link Dimension}, 1 to 7. */
    static final double[] EXPECTED = {5.8, 6.4, 6.2, 6.3, 5.7};
    /** What each outlet's customers perceive in the first month, by dimension. */
    private static final double[][] SEEN = {{5.7, 5.9, 5.3, 6.0, 5.4}, {5.9, 5.6, 3.9, 5.7, 5.0},
        {5.3, 5.6, 5.2, 5.7, 5.5}, {5.6, 5.7, 5.4, 5.8, 5.3}, {5.0, 5.8, 5.1, 6.0, 6.0}, {4.7, 4.8, 4.5, 5.0, 4.6}};
    /** How every perception of an outlet moves per month. */
    private static final double[] TREND = {0, 0, 0.01, 0, -0.015, 0.06};
    /** The customers' usual share of 100 importance points, by dimension: reliability matters most. */
    private static final int[] IMPORTANCE = {10, 30, 25, 20, 15};
    private final SurveyBackfill backfill;
    private final CustomerBulkLoad customerLoad;
    private final DemoGapSurveys gaps;
    private final Clock clock;

    DemoSurveys(SurveyBackfill backfill, CustomerBulkLoad customerLoad, DemoGapSurveys gaps, Clock clock) {
        this.backfill = backfill;
        this.customerLoad = customerLoad;
        this.gaps = gaps;
        this.clock = clock;
    }

    SurveyBackfill.Loaded load(List<OrgUnit> outlets, int months) {
        Random rnd = new Random(20261125L);
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(ZONE);
        List<Question> visit = backfill.questions("post-visit");
        List<Question> recommend = backfill.questions("recommend");
        List<Question> servqual = backfill.questions("servqual");
        List<PastResponse> visits = new ArrayList<>();
        List<PastResponse> recommends = new ArrayList<>();
        List<PastResponse> servquals = new ArrayList<>();
        for (int o = 0; o < outlets.size(); o++) {
            long outlet = outlets.get(o).id();
            List<Long> customers = customerLoad.customerIdsAt(outlet);
            for (int m = 0; m < months; m++) {
                for (int i = 36 + rnd.nextInt(18); i > 0; i--) {
                    visits.add(new PastResponse(outlet, at(rnd, now, months, m), customer(rnd, customers),
                            visit(rnd, o, m, months, visit)));
                }
                for (int i = 9 + rnd.nextInt(7); i > 0; i--) {
                    recommends.add(new PastResponse(outlet, at(rnd, now, months, m), customer(rnd, customers),
                            recommend(rnd, o, m, recommend)));
                }
                for (int i = 6 + rnd.nextInt(5); i > 0; i--) {
                    servquals.add(new PastResponse(outlet, at(rnd, now, months, m),
                            rnd.nextInt(10) < 2 ? customer(rnd, customers) : null, servqual(rnd, o, m, servqual)));
                }
            }
            for (int i = 0; i < (o == WEAK ? 3 : 1); i++) {
                ZonedDateTime at = now.minusDays(1 + rnd.nextInt(6)).withHour(11 + rnd.nextInt(8));
                visits.add(new PastResponse(outlet, (at.isAfter(now.minusHours(3)) ? at.minusDays(1) : at).toOffsetDateTime(),
                        rnd.nextBoolean() ? customer(rnd, customers) : null, unhappy(o, i, visit)));
            }
        }
        List<SurveyBackfill.Loaded> loaded = List.of(backfill.load("post-visit", "QR", visits),
                backfill.load("recommend", "QR", recommends), backfill.load("servqual", "KIOSK", servquals),
                gaps.load(rnd, outlets, months, now));
        return new SurveyBackfill.Loaded(loaded.stream().mapToInt(SurveyBackfill.Loaded::responses).sum(),
                loaded.stream().mapToInt(SurveyBackfill.Loaded::cases).sum());
    }

    /** Mean perception of one outlet, dimension and month on 1 to 7. */
    private static double seen(int outlet, int dimension, int month) {
        return SEEN[outlet][dimension] + TREND[outlet] * month;
    }

    private static double seen(int outlet, int month) {
        double sum = 0;
        for (int d = 0; d < EXPECTED.length; d++) {
            sum += seen(outlet, d, month);
        }
        return sum / EXPECTED.length;
    }

    /** A rating on 1 to 7 around a mean. */
    static int seven(Random rnd, double mean, double spread) {
        return (int) Math.clamp(Math.round(mean + rnd.nextGaussian() * spread), 1, 7);
    }

    /** A rating on 1 to 5 around a mean given on 1 to 7. */
    private static int five(Random rnd, double mean) {
        return (int) Math.clamp(Math.round(1 + (mean + rnd.nextGaussian() * 0.6 - 1) * 4 / 6), 1, 5);
    }

    /** The questions in their order: overall, staff, waiting, advice, come back, ask by name, comment. */
    private static Map<Long, Object> visit(Random rnd, int o, int m, int months, List<Question> q) {
        double mood = rnd.nextGaussian() * 0.6;
        int staff = five(rnd, (seen(o, 3, m) + seen(o, 4, m)) / 2 + mood);
        int waiting = five(rnd, seen(o, 2, m) + mood);
        int advice = five(rnd, seen(o, 3, m) + mood);
        // at or below the threshold means four ratings adding up to 8 or less
        int overall = Math.max(five(rnd, seen(o, m) + mood), Math.min(5, 9 - staff - waiting - advice));
        Map<Long, Object> a = new LinkedHashMap<>();
        a.put(q.get(0).id(), overall);
        a.put(q.get(1).id(), staff);
        a.put(q.get(2).id(), waiting);
        a.put(q.get(3).id(), advice);
        a.put(q.get(4).id(), overall >= 5 ? 0 : overall == 4 ? rnd.nextInt(2) : overall == 3 ? 1 + rnd.nextInt(2) : 3);
        if (overall >= 4 && rnd.nextInt(10) == 0) {
            a.put(q.get(5).id(), DemoSurveyTexts.pick(rnd, DemoSurveyTexts.NAMED));
        }
        if (rnd.nextInt(4) == 0) {
            String[] texts = waiting <= 2 ? DemoSurveyTexts.QUEUE : overall <= 2 ? DemoSurveyTexts.COMPLAINT
                    : overall == 3 ? DemoSurveyTexts.NEUTRAL
                    : o == IMPROVING && m >= months - 6 && rnd.nextBoolean() ? DemoSurveyTexts.BETTER : DemoSurveyTexts.PRAISE;
            a.put(q.get(6).id(), DemoSurveyTexts.pick(rnd, texts));
        }
        return a;
    }

    /** A very unhappy visit of the last days: its satisfaction index (12.5) is below the threshold of 25. */
    private static Map<Long, Object> unhappy(int o, int i, List<Question> q) {
        Map<Long, Object> a = new LinkedHashMap<>();
        a.put(q.get(0).id(), 1);
        a.put(q.get(1).id(), 2);
        a.put(q.get(2).id(), 1);
        a.put(q.get(3).id(), 2);
        a.put(q.get(4).id(), 3);
        a.put(q.get(6).id(), o == WEAK ? DemoSurveyTexts.ANGRY_QUEUE[i] : DemoSurveyTexts.ANGRY[o % DemoSurveyTexts.ANGRY.length]);
        return a;
    }

    private static Map<Long, Object> recommend(Random rnd, int o, int m, List<Question> q) {
        int score = (int) Math.clamp(Math.round((seen(o, m) - 1) / 6 * 10 + 1 + rnd.nextGaussian() * 1.6), 0, 10);
        Map<Long, Object> a = new LinkedHashMap<>();
        a.put(q.get(0).id(), score);
        if (rnd.nextInt(10) < 4) {
            a.put(q.get(1).id(), DemoSurveyTexts.pick(rnd, score >= 9 ? DemoSurveyTexts.REASONS_HIGH
                    : score >= 7 ? DemoSurveyTexts.REASONS_MID : o == WEAK ? DemoSurveyTexts.QUEUE : DemoSurveyTexts.REASONS_LOW));
        }
        return a;
    }

    /** Every statement twice (the customer's mood moves the perceptions, not the expectations), then 100 points. */
    private static Map<Long, Object> servqual(Random rnd, int o, int m, List<Question> q) {
        double mood = rnd.nextGaussian() * 0.5;
        int[] points = points(rnd);
        Map<Long, Object> a = new LinkedHashMap<>();
        for (Question x : q) {
            int d = x.dimension().ordinal();
            a.put(x.id(), switch (x.side()) {
                case "EXPECTATION" -> seven(rnd, EXPECTED[d], 0.6);
                case "PERCEPTION" -> seven(rnd, seen(o, d, m) + mood, 0.7);
                default -> points[d];
            });
        }
        return a;
    }

    /** 100 points in steps of 5 around the usual shares. */
    private static int[] points(Random rnd) {
        int[] p = new int[IMPORTANCE.length];
        int sum = 0;
        for (int d = 0; d < p.length; d++) {
            p[d] = (int) Math.max(0, 5 * Math.round((IMPORTANCE[d] + rnd.nextGaussian() * 5) / 5));
            sum += p[d];
        }
        // what is over or under 100 goes to or comes from reliability, or the draw is taken again
        p[1] += 100 - sum;
        return p[1] < 0 ? points(rnd) : p;
    }

    /** A time in the given month of the period, in opening hours, at least three hours ago (so the roll-up takes it). */
    private static OffsetDateTime at(Random rnd, ZonedDateTime now, int months, int month) {
        ZonedDateTime from = now.minusMonths(months - month);
        int days = (int) ChronoUnit.DAYS.between(from, from.plusMonths(1));
        ZonedDateTime at = from.toLocalDate().plusDays(rnd.nextInt(days)).atTime(9 + rnd.nextInt(12), rnd.nextInt(60))
                .atZone(ZONE);
        ZonedDateTime latest = now.minusHours(3);
        return (at.isAfter(latest) ? latest.minusMinutes(rnd.nextInt(600)) : at).toOffsetDateTime();
    }

    private static Long customer(Random rnd, List<Long> customers) {
        return customers.isEmpty() || rnd.nextInt(3) > 0 ? null : customers.get(rnd.nextInt(customers.size()));
    }
}
