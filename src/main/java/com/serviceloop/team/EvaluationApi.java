package com.serviceloop.team;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
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
@RequestMapping("/api/v1/training")
@Tag(name = "Training", description = "Programmes that teach standards, sessions with each attendee's results, records and gaps")
class EvaluationApi {
    private final EvaluationService evaluations;

    EvaluationApi(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @Operation(summary = "Evaluate a programme: 20 scores, item 1 first, each 1 (never) to 5 (excellent); total, band, items to improve now")
    @Roles.Measures
    @PostMapping("/programmes/{id}/evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    public Evaluation evaluate(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                             @Valid @RequestBody EvaluationForm form) {
        return evaluations.submit(user, id, form);
    }

    @Operation(summary = "The programme's latest 50 evaluations the caller sees (their outlets' and the chain's)")
    @Roles.SignedIn
    @GetMapping("/programmes/{id}/evaluations")
    public List<Evaluation> list(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return evaluations.list(user, id, true);
    }

    @Operation(summary = "Mean total and band, item means with the items to improve now, mean total per month")
    @Roles.SignedIn
    @GetMapping("/programmes/{id}/evaluations/summary")
    public EvaluationSummary summary(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return evaluations.summary(user, id);
    }

    @Operation(summary = "The chain's grade bands for an evaluation total and the 'improve now' threshold")
    @Roles.SignedIn
    @GetMapping("/grading")
    public Grading grading() {
        return evaluations.grading();
    }

    @Operation(summary = "Replace the grade bands (2 to 6, the lowest starting at 20) and the threshold (1 to 4)")
    @Roles.ChainWide
    @PutMapping("/grading")
    public Grading saveGrading(@Valid @RequestBody Grading form) {
        return evaluations.saveGrading(form);
    }
}
