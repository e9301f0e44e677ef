package com.serviceloop.staff;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/reviews")
@Tag(name = "Performance reviews", description = "Prepare, assess, discuss and follow up a person's periodic review; "
        + "read only by the person, the managers of their outlet and administrators")
class ReviewApi {
    private final ReviewService reviews;

    ReviewApi(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Operation(summary = "The caller's own reviews and, for a manager, those of the people in their outlets")
    @Roles.FrontLine
    @GetMapping
    public List<ReviewRepository.Row> reviews(@AuthenticationPrincipal AppUser user,
                                              @RequestParam(required = false) Long personId) {
        return reviews.list(user, personId);
    }

    @Operation(summary = "A review with its figures, assessments, goals and the goals of the review before (404 for others)")
    @Roles.FrontLine
    @GetMapping("/{id}")
    public Review review(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return reviews.get(user, id);
    }

    @Operation(summary = "Prepare a review of a person in the caller's outlets for a period: the figures are gathered now")
    @Roles.Managers
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Review prepareReview(@AuthenticationPrincipal AppUser user, @Valid @RequestBody ReviewForms.Prepare form) {
        return reviews.prepare(user, form);
    }

    @Operation(summary = "The caller's assessment against the job's standards: their own when it is their review, "
            + "else the manager's (replaces that side's earlier one)")
    @Roles.FrontLine
    @PutMapping("/{id}/assessment")
    public Review assessReview(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                               @Valid @RequestBody ReviewForms.Assess form) {
        return reviews.assess(user, id, form);
    }

    @Operation(summary = "Record the discussion: day, notes, strengths and one to three goals with due dates")
    @Roles.Managers
    @PutMapping("/{id}/discussion")
    public Review discussReview(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                @Valid @RequestBody ReviewForms.Discuss form) {
        return reviews.discuss(user, id, form);
    }

    @Operation(summary = "At this review, record how far a goal of the review before was reached: MET, PARTLY or NOT_MET")
    @Roles.Managers
    @PutMapping("/{id}/previous-goals/{goalId}")
    public Review checkReviewGoal(@AuthenticationPrincipal AppUser user, @PathVariable long id, @PathVariable long goalId,
                                  @Valid @RequestBody ReviewForms.Check form) {
        return reviews.check(user, id, goalId, form);
    }
}
