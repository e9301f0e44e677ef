package com.serviceloop.demo;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.Person;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.platform.PageRequest;
import com.serviceloop.survey.ClimateHistoryImport;
import com.serviceloop.survey.ClimateHistoryImport.PastAnswer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.stereotype.Component;

/**
 * The staff's service climate survey over the last two full quarters: most outlets with four to six
 * answers a quarter; 福田店 runs on its manager (weak when the manager is away and at putting things
 * right), 解放路店 improving, 南京西路店 short of people at lunch time; 东门店 has only two answers in
 * the latest quarter, so its result stays hidden there.
 */
@Component
class DemoClimate {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Mean rating per outlet, its change from the earlier quarter to the later, and answers in each. */
    private static final double[] BASE = {5.0, 5.4, 4.2, 4.8, 4.4, 4.6};
    private static final double[] CHANGE = {0.1, 0.0, 0.8, 0.1, -0.3, 0.0};
    private static final int[][] ANSWERS = {{5, 6}, {6, 5}, {4, 5}, {5, 4}, {5, 5}, {4, 2}};
    /** Outlet 福田店 (index 4) rates the areas that need the manager absent much lower. */
    private static final int WEAK_AWAY = 4;
    private static final int BUSY = 1;
    private static final int QUIET_VOICE = 3;
    private final ClimateHistoryImport history;
    private final PersonService people;
    private final Clock clock;

    DemoClimate(ClimateHistoryImport history, PersonService people, Clock clock) {
        this.history = history;
        this.people = people;
        this.clock = clock;
    }

    /** The number of answers loaded. */
    int load(DemoData.Loaded loaded, String suffix) {
        if (loaded == null) {
            return 0;
        }
        Random rnd = new Random(20261313L);
        List<OrgUnit> outlets = loaded.outlets();
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        LocalDate thisQuarter = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        int statements = history.statements();
        List<PastAnswer> past = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            LocalDate first = thisQuarter.minusMonths(6 - 3L * round);
            for (int o = 0; o < outlets.size() && o < BASE.length; o++) {
                for (int n = 0; n < ANSWERS[o][round]; n++) {
                    List<Integer> ratings = new ArrayList<>();
                    for (int s = 0; s < statements; s++) {
                        double mean = BASE[o] + CHANGE[o] * round + offset(o, s);
                        ratings.add((int) Math.max(1, Math.min(7, Math.round(mean + rnd.nextGaussian() * 0.8))));
                    }
                    // a round runs over a few weeks in the middle of the quarter
                    LocalDate day = first.plusDays(20 + rnd.nextInt(40));
                    past.add(new PastAnswer(outlets.get(o).id(),
                            day.atTime(LocalTime.of(9 + rnd.nextInt(11), rnd.nextInt(60))).atZone(ZONE).toOffsetDateTime(),
                            ratings));
                }
            }
        }
        return history.load(person("quality.manager" + suffix), past);
    }

    /** How an outlet's story moves one statement (two per area, in the questionnaire's order) from its mean. */
    private static double offset(int outlet, int statement) {
        int area = statement / 2;
        if (outlet == WEAK_AWAY && area <= 1) {
            return -1.6;
        }
        if (outlet == BUSY && area == 2) {
            return -1.2;
        }
        if (outlet == QUIET_VOICE && area == 6) {
            return -1.0;
        }
        return area == 4 ? 0.5 : 0;
    }

    private AppUser person(String username) {
        return people.search(username, PageRequest.of(0, 5)).items().stream()
                .filter(p -> username.equals(p.username())).findFirst().map(Person::asUser).orElseThrow();
    }
}
