package com.serviceloop.team;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.Messages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Editing a job description on a page (each save a new version), and its PDF. */
@Controller
class DescriptionPages {
    private final DescriptionService descriptions;
    private final DescriptionPdf pdf;
    private final FormCheck check;
    private final MessageSource messages;

    DescriptionPages(DescriptionService descriptions, DescriptionPdf pdf, FormCheck check, MessageSource messages) {
        this.descriptions = descriptions;
        this.pdf = pdf;
        this.check = check;
        this.messages = messages;
    }

    @Roles.ChainWide
    @GetMapping("/jobs/{id}/description/edit")
    public String edit(@PathVariable long id, @RequestParam(defaultValue = "false") boolean draft, Model model,
                       Locale locale) {
        Description d = draft ? descriptions.draft(id, locale) : descriptions.current(id, locale);
        model.addAttribute("d", d);
        model.addAttribute("form", DescriptionPageForm.of(d.content(), d.versionNo()));
        return "team/description-edit";
    }

    @Roles.ChainWide
    @PostMapping("/jobs/{id}/description")
    public String save(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                       @ModelAttribute("form") DescriptionPageForm form, Model model, Locale locale) {
        try {
            descriptions.save(user, id, check.valid(form.toForm()));
            return "redirect:/jobs/" + id;
        } catch (RuntimeException e) {
            model.addAttribute("problem", Messages.refusal(e, messages, locale));
            model.addAttribute("d", descriptions.current(id, locale));
            return "team/description-edit";
        }
    }

    @GetMapping("/jobs/{id}/description.pdf")
    public void pdf(@PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
        pdf.write(id, locale, response);
    }
}
