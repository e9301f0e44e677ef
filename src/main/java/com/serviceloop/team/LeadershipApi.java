package com.serviceloop.team;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/leadership")
@Tag(name = "Leadership", description = "The customer-service leadership questionnaire (360): self rating, "
        + "anonymous ratings by invited people, the strengths-and-weaknesses map, the improvement plan")
class LeadershipApi {
    private final LeadershipService rounds;
    private final LeadershipRaters invitations;
    private final LeadershipPlan plan;

    LeadershipApi(LeadershipService rounds, LeadershipRaters invitations, LeadershipPlan plan) {
        this.rounds = rounds;
        this.invitations = invitations;
        this.plan = plan;
    }

    /** The leader's own scores, item 1 first; null before they rate themself. */
    public record LeadershipSelfRating(List<Integer> scores) {
    }

    @Operation(summary = "The 20 items, four per principle, in the caller's language")
    @Roles.FrontLine
    @GetMapping("/items")
    public List<LeadershipItem> items(Locale locale) {
        return rounds.items(locale);
    }

    @Operation(summary = "The caller's own rounds; for managers also those of their outlets' leaders")
    @Roles.FrontLine
    @GetMapping("/rounds")
    public List<LeadershipRound> list(@AuthenticationPrincipal AppUser user) {
        return rounds.rounds(user);
    }

    @Operation(summary = "Start a round led by the caller")
    @Roles.FrontLine
    @PostMapping("/rounds")
    @ResponseStatus(HttpStatus.CREATED)
    public LeadershipRound start(@AuthenticationPrincipal AppUser user, @Valid @RequestBody LeadershipRoundForm form) {
        return rounds.start(user, form);
    }

    @Roles.FrontLine
    @GetMapping("/rounds/{id}")
    public LeadershipRound get(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return rounds.round(user, id);
    }

    @Operation(summary = "The leader's own rating")
    @Roles.FrontLine
    @GetMapping("/rounds/{id}/self")
    public LeadershipSelfRating self(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return new LeadershipSelfRating(rounds.round(user, id).selfScores());
    }

    @Operation(summary = "Rate yourself: 20 whole scores 1-5, item 1 first; replaces your rating (leader only)")
    @Roles.FrontLine
    @PutMapping("/rounds/{id}/self")
    public LeadershipSelfRating rateSelf(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                               @Valid @RequestBody LeadershipScoresForm form) {
        return new LeadershipSelfRating(rounds.rateSelf(user, id, form).selfScores());
    }

    @Operation(summary = "Who was invited and whether they answered (never what); links for the leader only")
    @Roles.FrontLine
    @GetMapping("/rounds/{id}/invitations")
    public List<LeadershipInvitation> invitations(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return invitations.list(user, id);
    }

    @Operation(summary = "Invite people to rate the leader: one single-use link each, mailed when an address is "
            + "given (leader only)")
    @Roles.FrontLine
    @PostMapping("/rounds/{id}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    public List<LeadershipInvitation> invite(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                   @Valid @RequestBody LeadershipInvitationForm form) {
        return invitations.invite(user, id, form);
    }

    @Operation(summary = "Self against the others' mean per principle and item, strengths and weaknesses; the others' "
            + "figures only once at least 3 answers are counted in")
    @Roles.FrontLine
    @GetMapping("/rounds/{id}/result")
    public LeadershipResult result(@AuthenticationPrincipal AppUser user, @PathVariable long id, Locale locale) {
        return rounds.result(user, id, locale);
    }

    @Operation(summary = "The improvement plan, soonest due first")
    @Roles.FrontLine
    @GetMapping("/rounds/{id}/plan")
    public List<LeadershipAction> plan(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return plan.actions(user, id);
    }

    @Operation(summary = "Add an action to the plan (leader only)")
    @Roles.FrontLine
    @PostMapping("/rounds/{id}/plan")
    @ResponseStatus(HttpStatus.CREATED)
    public LeadershipAction addAction(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                @Valid @RequestBody LeadershipActionForm form) {
        return plan.add(user, id, form);
    }

    @Operation(summary = "Change an action, every field (send 'version' to detect conflicts; leader only)")
    @Roles.FrontLine
    @PutMapping("/rounds/{id}/plan/{actionId}")
    public LeadershipAction updateAction(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                   @PathVariable long actionId, @Valid @RequestBody LeadershipActionForm form) {
        return plan.update(user, id, actionId, form);
    }
}
