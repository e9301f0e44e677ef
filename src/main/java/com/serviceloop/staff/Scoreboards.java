package com.serviceloop.staff;

import com.serviceloop.audit.OutletAuditScores;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.OutletScope;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Per-person and per-team scoreboards over a period, from the rollup. Staff see their own figures
 * and the fairness-limited boards; managers also see anyone's figures in their outlets.
 */
@Service
public class Scoreboards {
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 731;
    private final ScoreboardRepository repo;
    private final RecognitionRepository people;
    private final OrgService org;
    private final StaffSettings settings;
    private final OutletAuditScores audits;
    private final Clock clock;
    private final ZoneId zone;

    Scoreboards(ScoreboardRepository repo, RecognitionRepository people, OrgService org, StaffSettings settings,
                OutletAuditScores audits, Clock clock, @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.repo = repo;
        this.people = people;
        this.org = org;
        this.settings = settings;
        this.audits = audits;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** A checked period: both ends given or defaulted (the last 30 days to today), in order, not too long. */
    public record Period(LocalDate from, LocalDate to) {
    }

    public Period period(LocalDate from, LocalDate to) {
        LocalDate end = to != null ? to : LocalDate.now(clock.withZone(zone));
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1L);
        if (end.isBefore(start)) {
            throw BadInputException.of("to", "error.staff.periodBackwards");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw BadInputException.of("from", "error.staff.periodTooLong", String.valueOf(MAX_DAYS));
        }
        return new Period(start, end);
    }

    /** The outlet asked for (one of the caller's), else the caller's own, else their first. */
    public long outlet(AppUser user, Long outletId) {
        OutletScope scope = org.scopeOf(user);
        if (outletId != null) {
            if (!scope.contains(outletId)) {
                throw BadInputException.of("outletId", "error.staff.outsideScope");
            }
            return outletId;
        }
        Long own = people.person(user.id()).map(RecognitionRepository.Recipient::outletId).orElse(null);
        if (own != null && scope.contains(own)) {
            return own;
        }
        return org.visibleOutlets(user).stream().map(OrgUnit::id).findFirst()
                .orElseThrow(() -> BadInputException.of("outletId", "error.staff.noOutlet"));
    }

    public ScoreboardBoard personBoard(AppUser user, Long outletId, LocalDate from, LocalDate to, ScoreboardMeasure measure) {
        Period p = period(from, to);
        long outlet = outlet(user, outletId);
        List<ScoreboardFigures> all = repo.people(org.scopeOf(user), outlet, p.from(), p.to());
        return ScoreboardRanking.board(frame(user, ScoreboardBoard.Level.PERSON, measure, outlet, p), all, user.id());
    }

    public ScoreboardBoard teamBoard(AppUser user, Long outletId, LocalDate from, LocalDate to, ScoreboardMeasure measure) {
        Period p = period(from, to);
        long outlet = outlet(user, outletId);
        List<ScoreboardFigures> all = repo.teams(org.scopeOf(user), outlet, p.from(), p.to());
        Long ownTeam = people.person(user.id()).map(RecognitionRepository.Recipient::teamId).orElse(null);
        return ScoreboardRanking.board(frame(user, ScoreboardBoard.Level.TEAM, measure, outlet, p), all, ownTeam);
    }

    /** The board on a shop-floor screen: anyone may be looking, so names follow the chain's setting whoever signed in. */
    public ScoreboardBoard wallBoard(AppUser user, long outletId) {
        Period p = period(null, null);
        StaffSettings.Values s = settings.current();
        List<ScoreboardFigures> all = repo.people(org.scopeOf(user), outletId, p.from(), p.to());
        return ScoreboardRanking.board(new ScoreboardRanking.Frame(ScoreboardBoard.Level.PERSON, ScoreboardMeasure.SPEED,
                outletId, p.from(), p.to(), s.minEvents(), s.hideNames()), all, null);
    }

    private ScoreboardRanking.Frame frame(AppUser user, ScoreboardBoard.Level level, ScoreboardMeasure measure, long outlet,
                                          Period p) {
        StaffSettings.Values s = settings.current();
        return new ScoreboardRanking.Frame(level, measure == null ? ScoreboardMeasure.SPEED : measure, outlet, p.from(), p.to(),
                s.minEvents(), s.hideNames() && !Roles.manages(user));
    }

    /** A person's own scoreboard; others' only for managers, within their outlets. */
    public ScoreboardView person(AppUser user, long personId, LocalDate from, LocalDate to) {
        Period p = period(from, to);
        OutletScope scope = org.scopeOf(user);
        RecognitionRepository.Recipient who = people.person(personId)
                .filter(r -> r.id() == user.id() || Roles.manages(user) && r.outletId() != null && scope.contains(r.outletId()))
                .orElseThrow(() -> BadInputException.of("personId", "error.staff.unknownPerson", String.valueOf(personId)));
        ScoreboardFigures figures = repo.person(scope, who.id(), who.name(), p.from(), p.to());
        Long outletId = who.outletId() != null && scope.contains(who.outletId()) ? who.outletId() : null;
        return new ScoreboardView(ScoreboardBoard.Level.PERSON, figures, p.from(), p.to(), outletLevel(outletId, p),
                ScoreboardView.NOT_RECORDED);
    }

    /** A team's scoreboard, for a team in the caller's outlets. */
    public ScoreboardView team(AppUser user, long teamId, LocalDate from, LocalDate to) {
        Period p = period(from, to);
        OutletScope scope = org.scopeOf(user);
        RecognitionRepository.Team team = people.team(teamId).filter(t -> scope.contains(t.outletId()))
                .orElseThrow(() -> BadInputException.of("teamId", "error.staff.unknownTeam", String.valueOf(teamId)));
        ScoreboardFigures figures = repo.teams(scope, team.outletId(), p.from(), p.to()).stream()
                .filter(f -> f.id() == teamId).findFirst().orElseGet(() -> ScoreboardFigures.empty(teamId, team.name()));
        return new ScoreboardView(ScoreboardBoard.Level.TEAM, figures, p.from(), p.to(), outletLevel(team.outletId(), p),
                ScoreboardView.NOT_RECORDED);
    }

    private ScoreboardView.OutletLevel outletLevel(Long outletId, Period p) {
        if (outletId == null) {
            return null;
        }
        long[] c = repo.outletCustomers(outletId, p.from(), p.to());
        OutletAuditScores.Summary a = audits.of(outletId, p.from(), p.to());
        String name = org.find(outletId).map(OrgUnit::name).orElse("");
        return new ScoreboardView.OutletLevel(outletId, name, c[0], c[1], c[2], a.audits(),
                a.meanScore() == null ? null : ScoreboardFigures.round(a.meanScore().doubleValue() * 100));
    }
}
