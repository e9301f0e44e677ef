package com.serviceloop.staff;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/scoreboards")
@Tag(name = "Scoreboards", description = "Per-person and per-team figures over a period, and fairness-limited boards")
class ScoreboardApi {
    private final Scoreboards boards;

    ScoreboardApi(Scoreboards boards) {
        this.boards = boards;
    }

    @Operation(summary = "The people board of an outlet (default: the caller's): the top 3 and the caller's place with "
            + "neighbours, ranked by a rate; fewer events than the chain's minimum: not ranked. Period default: last 30 days")
    @Roles.SignedIn
    @GetMapping("/people")
    public ScoreboardBoard peopleBoard(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long outletId,
                                       @RequestParam(required = false) LocalDate from,
                                       @RequestParam(required = false) LocalDate to,
                                       @RequestParam(required = false) ScoreboardMeasure measure) {
        return boards.personBoard(user, outletId, from, to, measure);
    }

    @Operation(summary = "The team board of an outlet, with the same fairness rules as the people board")
    @Roles.SignedIn
    @GetMapping("/teams")
    public ScoreboardBoard teamBoard(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long outletId,
                                     @RequestParam(required = false) LocalDate from,
                                     @RequestParam(required = false) LocalDate to,
                                     @RequestParam(required = false) ScoreboardMeasure measure) {
        return boards.teamBoard(user, outletId, from, to, measure);
    }

    @Operation(summary = "A person's figures over the period (staff: only their own; managers: anyone in their outlets)")
    @Roles.SignedIn
    @GetMapping("/people/{personId}")
    public ScoreboardView personScoreboard(@AuthenticationPrincipal AppUser user, @PathVariable long personId,
                                           @RequestParam(required = false) LocalDate from,
                                           @RequestParam(required = false) LocalDate to) {
        return boards.person(user, personId, from, to);
    }

    @Operation(summary = "A team's figures over the period, for a team in the caller's outlets")
    @Roles.SignedIn
    @GetMapping("/teams/{teamId}")
    public ScoreboardView teamScoreboard(@AuthenticationPrincipal AppUser user, @PathVariable long teamId,
                                         @RequestParam(required = false) LocalDate from,
                                         @RequestParam(required = false) LocalDate to) {
        return boards.team(user, teamId, from, to);
    }
}
