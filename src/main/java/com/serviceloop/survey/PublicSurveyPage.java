package com.serviceloop.survey;

import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The respondent's page at {@code /s/{token}}: works on a phone without signing in, in the
 * customer's language (browser, or the 中文 / EN switch), one short form. In kiosk mode the thank-you
 * page returns to an empty form after a few seconds.
 */
@Controller
class PublicSurveyPage {
    private final SurveyLinks links;
    private final SurveyRepository surveys;
    private final SurveyResponses responses;
    private final MessageSource messages;
    private final AnswerLimits limits;

    public PublicSurveyPage(SurveyLinks links, SurveyRepository surveys, SurveyResponses responses,
                            MessageSource messages, AnswerLimits limits) {
        this.links = links;
        this.surveys = surveys;
        this.responses = responses;
        this.messages = messages;
        this.limits = limits;
    }

    @GetMapping("/s/{token}")
    public String form(@PathVariable String token, Locale locale, Model model, HttpServletRequest request,
                       HttpServletResponse response) {
        SurveyLinks.Opened opened = links.opened(token);
        AnswerLimits.device(request, response);
        return render(opened, locale, model, null);
    }

    private String render(SurveyLinks.Opened opened, Locale locale, Model model, String error) {
        boolean zh = !"en".equals(locale.getLanguage());
        SurveyLink link = opened.link();
        model.addAttribute("zh", zh);
        model.addAttribute("survey", surveys.get(link.surveyId(), opened.surveyVersion()));
        model.addAttribute("questions", surveys.questions(link.surveyId(), opened.surveyVersion()));
        model.addAttribute("token", link.token());
        model.addAttribute("kiosk", "KIOSK".equals(link.channel()));
        model.addAttribute("submissionKey", UUID.randomUUID().toString());
        model.addAttribute("error", error);
        return "survey/respond";
    }

    @PostMapping("/s/{token}")
    public String submit(@PathVariable String token, @RequestParam String submissionKey, HttpServletRequest request,
                         HttpServletResponse response, Locale locale, Model model) {
        SurveyLinks.Opened opened = links.opened(token);
        SurveyLink link = opened.link();
        ObjectNode answers = answers(request, surveys.questions(link.surveyId(), opened.surveyVersion()));
        try {
            limits.take(link, request, response);
            responses.submit(opened, new SurveyResponses.Submission(answers, submissionKey, locale.getLanguage(), true, null));
        } catch (AnswerLimits.TooManyAnswers e) {
            String seconds = String.valueOf(e.retryAfterSeconds());
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, seconds);
            return render(opened, locale, model, messages.getMessage("error.survey.tooManyAnswers", new Object[] {seconds},
                    Refusals.of(!"en".equals(locale.getLanguage()))));
        } catch (BadInputException e) {
            // the respondent reads the refusal in the page's language, whatever the browser asked for
            return render(opened, locale, model, Messages.refusal(e, messages, Refusals.of(!"en".equals(locale.getLanguage()))));
        } catch (ConflictException e) {
            // already received (a double click, a reload): thank them once more
        }
        model.addAttribute("zh", !"en".equals(locale.getLanguage()));
        model.addAttribute("kiosk", "KIOSK".equals(link.channel()));
        model.addAttribute("token", token);
        // relative: an address built from the request would follow whatever Host header it came with
        model.addAttribute("againUrl", request.getContextPath() + "/s/" + token);
        return "survey/thanks";
    }

    /** The form's fields ({@code q<id>}) as the answers object the API takes; the survey preview reads them too. */
    static ObjectNode answers(HttpServletRequest request, List<Question> questions) {
        ObjectNode answers = JsonNodeFactory.instance.objectNode();
        for (Question q : questions) {
            String[] values = request.getParameterValues("q" + q.id());
            if (values == null || values.length == 0 || (values.length == 1 && values[0].isBlank())) {
                continue;
            }
            String key = String.valueOf(q.id());
            switch (q.qtype()) {
                case TEXT -> answers.put(key, values[0]);
                case MULTI -> {
                    var array = answers.putArray(key);
                    for (String v : values) {
                        array.add(number(v));
                    }
                }
                default -> answers.put(key, number(values[0]));
            }
        }
        return answers;
    }

    private static long number(String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE; // refused by the answer check with a message
        }
    }
}
