package com.serviceloop.survey;

import com.serviceloop.organisation.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The survey designer's API. Every change answers the survey as the designer shows it, with its new
 * version, which the next change sends back.
 */
@RestController
@RequestMapping("/api/v1/surveys")
@Tag(name = "Survey designer", description = "Own surveys and copies: questions, sections, two languages, on and off")
class SurveyDesignerApi {
    /** The roles that manage surveys (as for links and the case threshold). */
    private final SurveyDesigner designer;

    public SurveyDesignerApi(SurveyDesigner designer) {
        this.designer = designer;
    }

    @Operation(summary = "The survey with its questions, the ids of the questions that may have answers (wording "
            + "fixes only), and whether it can be edited (built-in instruments cannot)")
    @Roles.SignedIn
    @GetMapping("/{id}/design")
    public SurveyDesigner.Design design(@PathVariable long id) {
        return designer.design(id);
    }

    @Operation(summary = "Make an own survey (starts switched off); kind CUSTOM unless given")
    @Roles.ChainWide
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public SurveyDesigner.Design create(@Valid @RequestBody SurveyForm form) {
        return designer.design(designer.create(form).id());
    }

    @Operation(summary = "Change the title, introduction or kind; send the version you read (409 if it is stale)")
    @Roles.ChainWide
    @PutMapping("/{id}")
    public SurveyDesigner.Design update(@PathVariable long id, @Valid @RequestBody SurveyForm form) {
        return designer.design(designer.update(id, form).id());
    }

    @Operation(summary = "Copy any survey, built-in instruments included, with its questions (starts switched off)")
    @Roles.ChainWide
    @PostMapping("/{id}/copy")
    @ResponseStatus(HttpStatus.CREATED)
    public SurveyDesigner.Design copy(@PathVariable long id,
                                      @Valid @RequestBody(required = false) SurveyDesigner.CopyForm form) {
        return designer.design(designer.copy(id, form).id());
    }

    public record ActiveForm(@NotNull Boolean active, Integer version) {
    }

    @Operation(summary = "Switch a survey on (its links take answers) or off (its links answer 404)")
    @Roles.ChainWide
    @PutMapping("/{id}/active")
    public SurveyDesigner.Design active(@PathVariable long id, @Valid @RequestBody ActiveForm form) {
        return designer.design(designer.setActive(id, form.active(), form.version()).id());
    }

    @Operation(summary = "Add a question at the end; choices one per line, as many in Chinese as in English")
    @Roles.ChainWide
    @PostMapping("/{id}/questions")
    @ResponseStatus(HttpStatus.CREATED)
    public SurveyDesigner.Design addQuestion(@PathVariable long id, @Valid @RequestBody QuestionForm form) {
        designer.addQuestion(id, form);
        return designer.design(id);
    }

    @Operation(summary = "Change a question. One that may have answers takes wording fixes only (409 otherwise)")
    @Roles.ChainWide
    @PutMapping("/{id}/questions/{questionId}")
    public SurveyDesigner.Design updateQuestion(@PathVariable long id, @PathVariable long questionId,
                                                @Valid @RequestBody QuestionForm form) {
        designer.updateQuestion(id, questionId, form);
        return designer.design(id);
    }

    @Operation(summary = "Delete a question that has no answers yet (409 otherwise)")
    @Roles.ChainWide
    @DeleteMapping("/{id}/questions/{questionId}")
    public SurveyDesigner.Design deleteQuestion(@PathVariable long id, @PathVariable long questionId,
                                                @RequestParam(required = false) Integer version) {
        designer.deleteQuestion(id, questionId, version);
        return designer.design(id);
    }

    public record MoveForm(@NotNull String direction, Integer version) {
    }

    @Operation(summary = "Move a question up or down by one")
    @Roles.ChainWide
    @PostMapping("/{id}/questions/{questionId}/move")
    public SurveyDesigner.Design move(@PathVariable long id, @PathVariable long questionId,
                                      @Valid @RequestBody MoveForm form) {
        designer.move(id, questionId, form.direction(), form.version());
        return designer.design(id);
    }
}
