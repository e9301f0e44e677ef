package com.serviceloop.casework;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.Messages;
import com.serviceloop.platform.StoreUnavailableException;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What is done on the case page. Sent by htmx, an action answers with the case re-rendered, to be
 * swapped in place; sent by a plain form (no JavaScript), it redirects back to the case page. Either
 * way the message says what happened, in the reader's language.
 */
@Controller
class CaseActionPages {
    private static final String HTMX = "HX-Request";
    private static final Logger log = LoggerFactory.getLogger(CaseActionPages.class);
    private final CaseService cases;
    private final Attachments attachments;
    private final CaseView view;
    private final MessageSource messages;

    CaseActionPages(CaseService cases, Attachments attachments, CaseView view, MessageSource messages) {
        this.cases = cases;
        this.attachments = attachments;
        this.view = view;
        this.messages = messages;
    }

    /** Who asked, and what is needed to answer them either way. */
    private record Answer(AppUser user, long id, BindingResult errors, String htmx, Model model, RedirectAttributes flash,
                          Locale locale) {
    }

    private String act(Answer a, Supplier<String> action) {
        String notice = null;
        String error = null;
        if (a.errors() != null && a.errors().hasErrors()) {
            var e = a.errors().getFieldError();
            error = e == null ? a.errors().getAllErrors().getFirst().getDefaultMessage()
                    : explain(e.getField(), e.getField() + ": " + e.getDefaultMessage(), a.locale());
        } else {
            try {
                notice = action.get();
            } catch (BadInputException e) {
                error = explain(e.field(), Messages.refusal(e, messages, a.locale()), a.locale());
            } catch (ConflictException e) {
                // the page shows the case as it is now, so the reader can see what changed and try again
                error = messages.getMessage("case.error.conflict", null, a.locale());
            } catch (StoreUnavailableException e) {
                // said on the case page rather than an error page that htmx would not show
                log.warn("Object store failed, said so on the case page: {}", e.getMessage());
                error = messages.getMessage("error.platform.storeDown", null, a.locale());
            }
        }
        if (a.htmx() == null) {
            a.flash().addFlashAttribute(notice == null ? "error" : "notice", notice == null ? error : notice);
            return "redirect:/cases/" + a.id();
        }
        view.fill(a.user(), a.id(), a.model());
        a.model().addAttribute("notice", notice);
        a.model().addAttribute("error", error);
        return "casework/detail :: case";
    }

    /** The rule a field broke in the page's own words where it has them, else the refusal's, both in the reader's language. */
    private String explain(String field, String fallback, Locale locale) {
        return messages.getMessage("case.error." + field, null, fallback, locale);
    }

    @Roles.FrontLine
    @PostMapping("/cases/{id}/status")
    public String move(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                       @Valid @ModelAttribute CaseCommands.Move move, BindingResult errors,
                       @RequestHeader(value = HTMX, required = false) String htmx, Model model,
                       RedirectAttributes flash, Locale locale) {
        return act(new Answer(user, id, errors, htmx, model, flash, locale), () -> {
            boolean reopening = cases.get(user, id).status().isReopenedBy(move.to());
            cases.move(user, id, move);
            return reopening ? messages.getMessage("case.done.reopened", null, locale)
                    : messages.getMessage("case.done." + move.to().name(), null, locale);
        });
    }

    /**
     * The page offers people and teams in one list ("person-12", "team-3"), so that a case goes to
     * one of them; the two fields of the API are taken too.
     */
    @Roles.FrontLine
    @PostMapping("/cases/{id}/handover")
    public String handOver(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                           @RequestParam(required = false) String receiver,
                           @Valid @ModelAttribute CaseCommands.HandOver h, BindingResult errors,
                           @RequestHeader(value = HTMX, required = false) String htmx, Model model,
                           RedirectAttributes flash, Locale locale) {
        return act(new Answer(user, id, errors, htmx, model, flash, locale), () -> {
            SupportCase c = cases.handOver(user, id, chosen(receiver, h));
            return messages.getMessage("case.done.handedOver",
                    new Object[] {c.ownerName() != null ? c.ownerName() : c.ownerTeamName()}, locale);
        });
    }

    private static CaseCommands.HandOver chosen(String receiver, CaseCommands.HandOver h) {
        if (receiver == null || receiver.isBlank()) {
            return h;
        }
        String[] kindAndId = receiver.split("-", 2);
        try {
            long id = Long.parseLong(kindAndId.length == 2 ? kindAndId[1] : "");
            return switch (kindAndId[0]) {
                case "person" -> new CaseCommands.HandOver(id, null, h.reason(), h.version());
                case "team" -> new CaseCommands.HandOver(null, id, h.reason(), h.version());
                default -> throw new NumberFormatException(receiver);
            };
        } catch (NumberFormatException e) {
            throw BadInputException.of("receiver", "error.casework.receiverNotListed");
        }
    }

    @Roles.FrontLine
    @PostMapping("/cases/{id}/follow-up")
    public String followUp(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                           @Valid @ModelAttribute CaseCommands.FollowUp f, BindingResult errors,
                           @RequestHeader(value = HTMX, required = false) String htmx, Model model,
                           RedirectAttributes flash, Locale locale) {
        return act(new Answer(user, id, errors, htmx, model, flash, locale), () -> {
            SupportCase c = cases.followUp(user, id, f);
            Object[] score = {f.satisfaction()};
            return switch (c.status()) {
                case CLOSED -> messages.getMessage("case.done.closedByCall", score, locale);
                case IN_PROGRESS -> messages.getMessage("case.done.reopenedByCall", score, locale);
                default -> messages.getMessage("case.done.notReached", null, locale);
            };
        });
    }

    @Roles.Managers
    @PostMapping("/cases/{id}/waive")
    public String waive(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                        @Valid @ModelAttribute CaseCommands.Waiver w, BindingResult errors,
                        @RequestHeader(value = HTMX, required = false) String htmx, Model model,
                        RedirectAttributes flash, Locale locale) {
        return act(new Answer(user, id, errors, htmx, model, flash, locale), () -> {
            cases.waive(user, id, w);
            return messages.getMessage("case.done.waived", null, locale);
        });
    }

    @Roles.FrontLine
    @PostMapping("/cases/{id}/recovery")
    public String recover(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                          @Valid @ModelAttribute CaseCommands.Recovery r, BindingResult errors,
                          @RequestHeader(value = HTMX, required = false) String htmx, Model model,
                          RedirectAttributes flash, Locale locale) {
        return act(new Answer(user, id, errors, htmx, model, flash, locale), () -> {
            cases.recover(user, id, r);
            return messages.getMessage("case.done.recovery", null, locale);
        });
    }

    @Roles.FrontLine
    @PostMapping("/cases/{id}/attachments")
    public String attach(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                         @RequestParam("file") MultipartFile file,
                         @RequestHeader(value = HTMX, required = false) String htmx, Model model,
                         RedirectAttributes flash, Locale locale) {
        return act(new Answer(user, id, null, htmx, model, flash, locale), () -> {
            try (InputStream in = file.getInputStream()) {
                Attachments.Attachment a = attachments.add(user, id, file.getOriginalFilename(), in);
                return messages.getMessage("case.done.attached", new Object[] {a.fileName()}, locale);
            } catch (IOException e) {
                throw BadInputException.of("file", "error.casework.uploadUnreadable");
            }
        });
    }
}
