package com.serviceloop.team;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leader's improvement plan: actions per principle (the map's weaknesses first of all), each with
 * a due date and a done flag. Whoever sees the round reads the plan; only the leader writes it.
 */
@Service
public class LeadershipPlan {
    static final int MAX_YEARS = 5;
    private final LeadershipRepository repo;
    private final LeadershipService rounds;
    private final Clock clock;
    private final FormCheck check;

    LeadershipPlan(LeadershipRepository repo, LeadershipService rounds, Clock clock, FormCheck check) {
        this.repo = repo;
        this.rounds = rounds;
        this.clock = clock;
        this.check = check;
    }

    /** The actions, soonest due first. */
    public List<LeadershipAction> actions(AppUser user, long roundId) {
        rounds.visible(user, roundId);
        return repo.actions(roundId);
    }

    @Transactional
    public LeadershipAction add(AppUser user, long roundId, LeadershipActionForm form) {
        check.valid(form);
        checkDue(form, rounds.led(user, roundId));
        long id = repo.insertAction(roundId, form.principle(), form.action().strip(), form.dueOn(),
                Boolean.TRUE.equals(form.done()), OffsetDateTime.now(clock));
        return repo.action(roundId, id).orElseThrow();
    }

    /** Replaces the action whole; with a version, only if nobody changed it since (409). */
    @Transactional
    public LeadershipAction update(AppUser user, long roundId, long actionId, LeadershipActionForm form) {
        check.valid(form);
        LeadershipRepository.RoundRow round = rounds.led(user, roundId);
        LeadershipAction current = repo.action(roundId, actionId)
                .orElseThrow(() -> new NotFoundException("Plan action", actionId));
        checkDue(form, round);
        int version = form.version() == null ? current.version() : form.version();
        if (!repo.updateAction(actionId, version, form.principle(), form.action().strip(), form.dueOn(),
                Boolean.TRUE.equals(form.done()))) {
            throw ConflictException.of("error.leadership.actionChanged", String.valueOf(actionId));
        }
        return repo.action(roundId, actionId).orElseThrow();
    }

    /** A plan looks ahead from its round: due on the day the round started at the earliest, within five years. */
    private static void checkDue(LeadershipActionForm form, LeadershipRepository.RoundRow round) {
        LocalDate start = round.startedAt().toLocalDate();
        if (form.dueOn().isBefore(start) || form.dueOn().isAfter(start.plusYears(MAX_YEARS))) {
            throw BadInputException.of("dueOn", "error.leadership.dueOutOfRange", start.toString(),
                    start.plusYears(MAX_YEARS).toString());
        }
    }
}
