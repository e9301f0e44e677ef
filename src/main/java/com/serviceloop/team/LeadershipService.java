package com.serviceloop.team;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.Messages;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.OutletScope;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leadership rounds (the 360 questionnaire of stage 3): a leader starts a round, rates themself and
 * reads the map of their own scores beside the others' means. The leader sees their own rounds;
 * managers also those of the outlets in their scope (and of the units above the outlets they see);
 * administrators all. Only the leader changes a round.
 */
@Service
public class LeadershipService {
    private final LeadershipRepository repo;
    private final OrgService org;
    private final PersonService people;
    private final Workplaces workplaces;
    private final MessageSource messages;
    private final Clock clock;
    private final FormCheck check;

    LeadershipService(LeadershipRepository repo, OrgService org, PersonService people, Workplaces workplaces,
                      MessageSource messages, Clock clock, FormCheck check) {
        this.repo = repo;
        this.org = org;
        this.people = people;
        this.workplaces = workplaces;
        this.messages = messages;
        this.clock = clock;
        this.check = check;
    }

    public List<LeadershipItem> items(Locale locale) {
        List<LeadershipItem> items = new ArrayList<>();
        for (int no = 1; no <= Principle.ITEMS; no++) {
            Principle p = Principle.of(no);
            items.add(new LeadershipItem(no, p, principleName(p, locale), itemText(no, locale)));
        }
        return items;
    }

    String principleName(Principle p, Locale locale) {
        return messages.getMessage("leadership.principle." + p.name(), null, locale);
    }

    private String itemText(int no, Locale locale) {
        return messages.getMessage("leadership.item." + no, null, locale);
    }

    LeadershipRepository.Viewer viewer(AppUser user) {
        boolean managerial = Roles.manages(user);
        OutletScope scope = org.scopeOf(user);
        List<Long> units = managerial && !scope.all() ? org.visibleUnits(user).stream().map(OrgUnit::id).toList()
                : List.of();
        return new LeadershipRepository.Viewer(user.id(), managerial, scope, units);
    }

    public List<LeadershipRound> rounds(AppUser user) {
        return repo.rounds(viewer(user)).stream().map(r -> round(user, r)).toList();
    }

    /** A round the caller may see; 404 for any other, as if it did not exist. */
    public LeadershipRound round(AppUser user, long id) {
        return round(user, visible(user, id));
    }

    LeadershipRepository.RoundRow visible(AppUser user, long id) {
        return repo.round(viewer(user), id).orElseThrow(() -> new NotFoundException("Leadership round", id));
    }

    /** A round the caller leads: those who only see it (managers above) get 403. */
    LeadershipRepository.RoundRow led(AppUser user, long id) {
        LeadershipRepository.RoundRow row = visible(user, id);
        if (row.leaderId() != user.id()) {
            throw new AccessDeniedException(Messages.english("error.leadership.notLeader"));
        }
        return row;
    }

    private static LeadershipRound round(AppUser user, LeadershipRepository.RoundRow r) {
        return new LeadershipRound(r.id(), r.leaderId(), r.leaderName(), r.outletId(), r.unitName(), r.title(),
                r.startedAt(), decode(r.selfScores()), r.invited(), r.answered(), r.leaderId() == user.id());
    }

    /** Starts a round led by the caller, placed where they work now (their outlet, or their region or chain). */
    @Transactional
    public LeadershipRound start(AppUser user, LeadershipRoundForm form) {
        check.valid(form);
        Workplaces.Place place = workplaces.of(people.get(user.id()));
        String title = form.title() == null || form.title().isBlank() ? null : form.title().strip();
        long id = repo.insertRound(user.id(), place.outletId(), place.unitId(), title, OffsetDateTime.now(clock));
        return round(user, id);
    }

    /** The leader's own rating, replaced whole. */
    @Transactional
    public LeadershipRound rateSelf(AppUser user, long id, LeadershipScoresForm form) {
        check.valid(form);
        led(user, id);
        repo.setSelf(id, encode(form.scores()));
        return round(user, id);
    }

    /**
     * The map. The others' means appear once at least three answers are counted in; answers join the
     * sums three at a time (see {@link LeadershipRaters#answer}), so what was shown before and after
     * a change never differs by one person's answers.
     */
    public LeadershipResult result(AppUser user, long id, Locale locale) {
        LeadershipRepository.RoundRow r = visible(user, id);
        List<Integer> self = decode(r.selfScores());
        int[] own = self == null ? null : self.stream().mapToInt(Integer::intValue).toArray();
        return LeadershipScores.result(id, r.answered(), own, repo.tally(id), p -> principleName(p, locale),
                no -> itemText(no, locale));
    }

    static String encode(List<Integer> scores) {
        StringBuilder s = new StringBuilder();
        scores.forEach(s::append);
        return s.toString();
    }

    static List<Integer> decode(String scores) {
        return scores == null ? null : scores.chars().mapToObj(c -> c - '0').toList();
    }
}
