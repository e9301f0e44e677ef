package com.serviceloop.staff;

import com.serviceloop.organisation.Person;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.platform.Outbox;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each morning, a reminder e-mail (through the outbox) to the person and the manager who prepared
 * the review, once per goal, a week before the goal falls due. One instance sends them (ShedLock).
 */
@Component
class ReviewReminderJob {
    static final int DAYS_BEFORE = 7;
    private final ReviewRepository repo;
    private final PersonService people;
    private final Outbox outbox;
    private final Clock clock;
    private final TransactionTemplate tx;

    ReviewReminderJob(ReviewRepository repo, PersonService people, Outbox outbox, Clock clock, TransactionTemplate tx) {
        this.repo = repo;
        this.people = people;
        this.outbox = outbox;
        this.clock = clock;
        this.tx = tx;
    }

    @Scheduled(cron = "${serviceloop.reviews.reminder-cron:0 0 8 * * *}", zone = "${serviceloop.cases.default-zone:Asia/Shanghai}")
    @SchedulerLock(name = "review-goal-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void scheduled() {
        remind();
    }

    /** The number of goals reminded of; the mails and the marks that they went out are written together. */
    int remind() {
        Integer n = tx.execute(t -> send());
        return n == null ? 0 : n;
    }

    private int send() {
        LocalDate today = LocalDate.now(clock);
        int n = 0;
        for (ReviewRepository.Due d : repo.dueSoon(today, today.plusDays(DAYS_BEFORE))) {
            for (long to : new long[] {d.personId(), d.managerId()}) {
                people.find(to).map(Person::email).filter(e -> e != null && !e.isBlank()).ifPresent(e -> outbox.mail(e,
                        "目标即将到期 / A review goal is due on " + d.dueOn(),
                        "目标：" + d.text() + "\n到期日：" + d.dueOn() + "\n\nGoal: " + d.text() + "\nDue on: " + d.dueOn()
                                + "\n/staff/reviews/" + d.reviewId(), OffsetDateTime.now(clock)));
            }
            repo.reminded(d.goalId(), today);
            n++;
        }
        return n;
    }
}
