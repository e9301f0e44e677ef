package com.serviceloop.audit;

import com.serviceloop.organisation.Person;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.platform.Notices;
import com.serviceloop.platform.Outbox;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the assignee of a schedule that an audit is coming up (DUE, from a week before the due date) and that it is
 * late (OVERDUE, from the day after): an e-mail through the outbox and a notice in the inbox, once per schedule, due
 * date and kind. What was sent is written in the same transaction as the mail and the notice (audit_reminder), so a
 * second run the same day, a run on another instance or a run after a day the job missed sends nothing twice; a
 * missed day is made up for by the next run. A schedule that is already overdue when first seen gets only the
 * OVERDUE reminder. Paused schedules and schedules with nobody assigned get none.
 */
@Component
class AuditReminders {
    private static final Logger log = LoggerFactory.getLogger(AuditReminders.class);
    private final Schedules schedules;
    private final PersonService people;
    private final Outbox outbox;
    private final Notices notices;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    AuditReminders(Schedules schedules, PersonService people, Outbox outbox, Notices notices, JdbcClient jdbc,
                   TransactionTemplate tx, Clock clock) {
        this.schedules = schedules;
        this.people = people;
        this.outbox = outbox;
        this.notices = notices;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(cron = "${serviceloop.audits.reminder-cron:0 0 7 * * *}", zone = "${serviceloop.cases.default-zone:Asia/Shanghai}")
    @SchedulerLock(name = "audit-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void scheduled() {
        log.info("Audit reminders: {} sent", run(LocalDate.now(clock)));
    }

    /** Sends the reminders of this day that have not gone out yet; how many went out. */
    int run(LocalDate today) {
        int sent = 0;
        for (Schedule s : schedules.assigned()) {
            String kind = kindOn(s.nextDue(), today);
            if (kind == null) {
                continue;
            }
            try {
                sent += Boolean.TRUE.equals(tx.execute(status -> send(s, kind))) ? 1 : 0;
            } catch (DuplicateKeyException sentMeanwhile) {
                // another instance wrote it first; its mail and notice are the ones kept
            }
        }
        return sent;
    }

    /** DUE from 7 days before the due date up to the day itself, OVERDUE from the day after, else nothing yet. */
    static String kindOn(LocalDate due, LocalDate today) {
        if (today.isAfter(due)) {
            return "OVERDUE";
        }
        return today.isBefore(due.minusDays(Schedules.DUE_WITHIN_DAYS)) ? null : "DUE";
    }

    private boolean send(Schedule s, String kind) {
        boolean already = jdbc.sql("SELECT COUNT(*) FROM audit_reminder WHERE schedule_id = :s AND due_on = :d AND kind = :k")
                .param("s", s.id()).param("d", s.nextDue()).param("k", kind).query(Long.class).single() > 0;
        if (already) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO audit_reminder (schedule_id, due_on, kind, person_id, sent_at) VALUES (:s, :d, :k, :p, :at)""")
                .param("s", s.id()).param("d", s.nextDue()).param("k", kind).param("p", s.assigneeId()).param("at", now)
                .update();
        boolean overdue = kind.equals("OVERDUE");
        notices.post(s.assigneeId(), overdue ? "AUDIT_OVERDUE" : "AUDIT_DUE", "/audits",
                overdue ? "audits.notice.overdue" : "audits.notice.due", s.outletName(), s.formName(), s.nextDue().toString());
        String email = people.find(s.assigneeId()).map(Person::email).orElse(null);
        if (email != null && !email.isBlank()) {
            outbox.mail(email, "[ServiceLoop] " + (overdue ? "Audit overdue / 审核已逾期: " : "Audit due / 审核即将到期: ")
                    + s.outletName() + ", " + s.nextDue(), (overdue
                    ? "The audit of %1$s (%2$s) was due on %3$s and has not been done yet.\n%1$s 的审核（%2$s）应于 %3$s 完成，至今尚未进行。"
                    : "The audit of %1$s (%2$s) is due on %3$s.\n%1$s 的审核（%2$s）应于 %3$s 完成。")
                    .formatted(s.outletName(), s.formName(), s.nextDue()), now);
        }
        return true;
    }
}
