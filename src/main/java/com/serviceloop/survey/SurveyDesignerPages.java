package com.serviceloop.survey;

import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.FormErrors;
import com.serviceloop.platform.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The designer's screens: a new survey, a survey's questions with their forms, and the preview —
 * the respondent's page itself, in either language, answered without anything being stored.
 */
@Controller
class SurveyDesignerPages {
    private final SurveyDesigner designer;
    private final SurveyRepository surveys;
    private final MessageSource messages;

    public SurveyDesignerPages(SurveyDesigner designer, SurveyRepository surveys, MessageSource messages) {
        this.designer = designer;
        this.surveys = surveys;
        this.messages = messages;
    }

    @Roles.ChainWide
    @GetMapping("/surveys/new")
    public String newSurvey(Model model) {
        if (!model.containsAttribute("surveyForm")) {
            model.addAttribute("surveyForm", new SurveyForm(null, null, null, null, SurveyKind.CUSTOM.name(), null));
        }
        model.addAttribute("kinds", SurveyKind.CHOOSABLE);
        return "survey/new";
    }

    @Roles.ChainWide
    @PostMapping("/surveys")
    public String create(@Valid @ModelAttribute("surveyForm") SurveyForm form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                return "redirect:/surveys/" + designer.create(form).id() + "/design";
            } catch (BadInputException | ConflictException e) {
                FormErrors.record(e, errors);
            }
        }
        return newSurvey(model);
    }

    @Roles.ChainWide
    @PostMapping("/surveys/{id}/copy")
    public String copy(@PathVariable long id) {
        return "redirect:/surveys/" + designer.copy(id, null).id() + "/design";
    }

    @Roles.ChainWide
    @GetMapping("/surveys/{id}/design")
    public String design(@PathVariable long id, Locale locale, Model model) {
        SurveyDesigner.Design d = designer.design(id);
        Survey s = d.survey();
        model.addAttribute("zh", !"en".equals(locale.getLanguage()));
        model.addAttribute("survey", s);
        model.addAttribute("questions", d.questions());
        model.addAttribute("answered", d.answeredQuestionIds());
        if (!model.containsAttribute("surveyForm")) {
            model.addAttribute("surveyForm", new SurveyForm(s.titleEn(), s.titleZh(), s.introEn(), s.introZh(), s.kind(),
                    s.version()));
        }
        // every question's form shows what is stored, except the one just refused, which keeps what was typed
        Map<Long, QuestionForm> forms = new HashMap<>();
        d.questions().forEach(q -> forms.put(q.id(), QuestionForm.of(q, s.version())));
        if (model.getAttribute("failedId") instanceof Long failed && forms.containsKey(failed)) {
            forms.put(failed, (QuestionForm) model.getAttribute("failedForm"));
        }
        model.addAttribute("forms", forms);
        if (!model.containsAttribute("addForm")) {
            model.addAttribute("addForm", new QuestionForm(QuestionType.SCALE_5, null, null, null, null, null, null, false,
                    null, s.version()));
        }
        model.addAttribute("kinds", SurveyKind.SERVQUAL.is(s.kind()) ? List.of(s.kind()) : SurveyKind.CHOOSABLE);
        model.addAttribute("types", Arrays.stream(QuestionType.values()).filter(t -> t != QuestionType.POINTS).toList());
        model.addAttribute("purposes", QuestionRules.PURPOSES);
        return "survey/design";
    }

    @Roles.ChainWide
    @PostMapping("/surveys/{id}/design")
    public String update(@PathVariable long id, @Valid @ModelAttribute("surveyForm") SurveyForm form, BindingResult errors,
                         Locale locale, Model model) {
        if (!errors.hasErrors()) {
            try {
                designer.update(id, form);
                return "redirect:/surveys/" + id + "/design";
            } catch (BadInputException | ConflictException e) {
                FormErrors.record(e, errors);
            }
        }
        return design(id, locale, model);
    }

    @Roles.ChainWide
    @PostMapping("/surveys/{id}/active")
    public String active(@PathVariable long id, @RequestParam boolean active, @RequestParam(required = false) Integer version,
                         Locale locale, RedirectAttributes flash) {
        attempt(() -> designer.setActive(id, active, version), locale, flash);
        return "redirect:/surveys/" + id + "/design";
    }

    @Roles.ChainWide
    @PostMapping("/surveys/{id}/questions")
    public String addQuestion(@PathVariable long id, @Valid @ModelAttribute("addForm") QuestionForm form,
                              BindingResult errors, Locale locale, Model model) {
        if (!errors.hasErrors()) {
            try {
                return "redirect:/surveys/" + id + "/design#q-" + designer.addQuestion(id, form).id();
            } catch (BadInputException | ConflictException e) {
                FormErrors.record(e, errors);
            }
        }
        model.addAttribute("addErrors", messages(errors, locale));
        return design(id, locale, model);
    }

    @Roles.ChainWide
    @PostMapping("/surveys/{id}/questions/{questionId}")
    public String updateQuestion(@PathVariable long id, @PathVariable long questionId,
                                 @Valid @ModelAttribute("failedForm") QuestionForm form, BindingResult errors, Locale locale,
                                 Model model) {
        if (!errors.hasErrors()) {
            try {
                designer.updateQuestion(id, questionId, form);
                return "redirect:/surveys/" + id + "/design#q-" + questionId;
            } catch (BadInputException | ConflictException e) {
                FormErrors.record(e, errors);
            }
        }
        designer.question(id, questionId);
        model.addAttribute("failedId", questionId);
        model.addAttribute("failedErrors", messages(errors, locale));
        return design(id, locale, model);
    }

    @Roles.ChainWide
    @PostMapping("/surveys/{id}/questions/{questionId}/delete")
    public String deleteQuestion(@PathVariable long id, @PathVariable long questionId,
                                 @RequestParam(required = false) Integer version, Locale locale, RedirectAttributes flash) {
        attempt(() -> designer.deleteQuestion(id, questionId, version), locale, flash);
        return "redirect:/surveys/" + id + "/design";
    }

    @Roles.ChainWide
    @PostMapping("/surveys/{id}/questions/{questionId}/move")
    public String move(@PathVariable long id, @PathVariable long questionId, @RequestParam String direction,
                       @RequestParam(required = false) Integer version, Locale locale, RedirectAttributes flash) {
        attempt(() -> designer.move(id, questionId, direction, version), locale, flash);
        return "redirect:/surveys/" + id + "/design#q-" + questionId;
    }

    /** The respondent's page as a customer would see it, without a link; nothing is stored. */
    @GetMapping("/surveys/{id}/preview")
    public String preview(@PathVariable long id, @RequestParam(required = false) String language, Locale locale,
                          Model model) {
        Survey s = surveys.get(id);
        boolean zh = previewZh(language, locale);
        model.addAttribute("zh", zh);
        model.addAttribute("survey", s);
        model.addAttribute("questions", surveys.questions(id));
        model.addAttribute("preview", true);
        model.addAttribute("kiosk", false);
        return "survey/respond";
    }

    /** Checks answers given on the preview the way a real submission is checked, and says what it found. */
    @Roles.SignedIn
    @PostMapping("/surveys/{id}/preview")
    public String tryPreview(@PathVariable long id, @RequestParam(required = false) String language,
                             HttpServletRequest request, Locale locale, Model model) {
        List<Question> questions = surveys.questions(id);
        try {
            var answers = AnswerCheck.check(PublicSurveyPage.answers(request, questions), questions, true);
            model.addAttribute("previewAccepted", true);
            model.addAttribute("previewSatisfaction", SurveyResponses.satisfaction(answers, questions));
        } catch (BadInputException e) {
            // in the preview's language, as a respondent would read it
            model.addAttribute("error", Messages.refusal(e, messages, Refusals.of(previewZh(language, locale))));
        }
        return preview(id, language, locale, model);
    }

    private static boolean previewZh(String language, Locale locale) {
        return language == null ? !"en".equals(locale.getLanguage()) : !language.startsWith("en");
    }

    private void attempt(Runnable change, Locale locale, RedirectAttributes flash) {
        try {
            change.run();
        } catch (BadInputException | ConflictException e) {
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
        }
    }

    /** Field (or "" for the whole form) to message, in the page's language where the message has a translation. */
    private Map<String, String> messages(BindingResult errors, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        errors.getFieldErrors().forEach(e -> out.putIfAbsent(e.getField(), e.isBindingFailure()
                ? messages.getMessage("designer.invalidValue", null, locale) : messages.getMessage(e, locale)));
        errors.getGlobalErrors().forEach(e -> out.merge("", messages.getMessage(e, locale), (a, b) -> a + " " + b));
        return out;
    }
}
