package com.serviceloop.survey;

import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.HotPath;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** What a respondent's page or kiosk talks to: no sign-in, the link token is the key. */
@RestController
@HotPath
@RequestMapping("/api/v1/public/surveys/{token}")
@Tag(name = "Public surveys", description = "Read a survey and answer it through its link token (no sign-in)")
public class PublicSurveyApi {
    private final SurveyLinks links;
    private final SurveyRepository surveys;
    private final SurveyResponses responses;
    private final AnswerLimits limits;
    private final MessageSource messages;

    public PublicSurveyApi(SurveyLinks links, SurveyRepository surveys, SurveyResponses responses, AnswerLimits limits,
                           MessageSource messages) {
        this.links = links;
        this.surveys = surveys;
        this.responses = responses;
        this.limits = limits;
        this.messages = messages;
    }

    public record PublicQuestion(long id, String section, String type, String text, List<String> options,
                                 boolean required, Integer min, Integer max) {
    }

    public record PublicSurvey(String title, String intro, String language, List<PublicQuestion> questions) {
    }

    @Operation(summary = "The survey behind a link, worded in zh or en")
    @GetMapping
    public PublicSurvey get(@PathVariable String token, @RequestParam(defaultValue = "zh") String lang,
                            HttpServletRequest request, HttpServletResponse response) {
        SurveyLinks.Opened opened = links.opened(token);
        AnswerLimits.device(request, response);
        Survey s = surveys.get(opened.link().surveyId(), opened.surveyVersion());
        boolean zh = !lang.startsWith("en");
        return new PublicSurvey(s.title(zh), s.intro(zh), zh ? "zh" : "en", surveys.questions(s.id(), opened.surveyVersion()).stream()
                .map(q -> new PublicQuestion(q.id(), q.section(zh), q.qtype().name(), q.text(zh), q.options(zh), q.required(),
                        q.qtype().isNumeric() ? q.qtype().min() : null, q.qtype().isNumeric() ? q.qtype().max() : null))
                .toList());
    }

    public record SubmitForm(JsonNode answers,
                             @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{8,64}") String submissionKey,
                             @Pattern(regexp = "^(zh|en)?$") String language, Boolean complete) {
    }

    @Operation(summary = "Answer the survey. 404 unknown link, 409 already answered, 400 malformed, "
            + "429 too many from this address, device or link (Retry-After: seconds)")
    @PostMapping("/responses")
    @ResponseStatus(HttpStatus.CREATED)
    public SurveyResponses.Accepted submit(@PathVariable String token, @Valid @RequestBody SubmitForm form,
                                           HttpServletRequest request, HttpServletResponse response) {
        if (form.answers() == null) {
            throw BadInputException.of("answers", "error.survey.answersNotObject");
        }
        SurveyLinks.Opened opened = links.opened(token);
        limits.take(opened.link(), request, response);
        return responses.submit(opened, new SurveyResponses.Submission(form.answers(), form.submissionKey(),
                form.language(), form.complete(), null));
    }

    @ExceptionHandler(AnswerLimits.TooManyAnswers.class)
    ResponseEntity<Map<String, Object>> tooMany(AnswerLimits.TooManyAnswers e, Locale locale) {
        String seconds = String.valueOf(e.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", seconds)
                .body(Map.of("status", 429, "title", "Too many requests",
                        "detail", messages.getMessage("error.survey.tooManyAnswers", new Object[] {seconds}, locale)));
    }
}
