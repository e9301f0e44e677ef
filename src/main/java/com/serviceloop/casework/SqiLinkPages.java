package com.serviceloop.casework;

import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.Messages;
import com.serviceloop.platform.NotFoundException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case settings page's links from standards to SQI failure types. */
@Controller
class SqiLinkPages {
    private final SqiStandardLinks links;
    private final MessageSource messages;

    SqiLinkPages(SqiStandardLinks links, MessageSource messages) {
        this.links = links;
        this.messages = messages;
    }

    @Roles.ChainWide
    @PostMapping("/settings/cases/sqi-link")
    public String linkSqi(@RequestParam long standardId, @RequestParam String failureCode, Locale locale,
                          RedirectAttributes flash) {
        try {
            links.link(standardId, failureCode);
            flash.addFlashAttribute("notice", "case.saved");
        } catch (BadInputException e) {
            flash.addFlashAttribute("error", Messages.refusal(e, messages, locale));
        } catch (NotFoundException e) {
            flash.addFlashAttribute("error", messages.getMessage("error.casework.noStandard",
                    new Object[] {String.valueOf(standardId)}, locale));
        }
        return "redirect:/settings/cases#sqi-links";
    }

    @Roles.ChainWide
    @PostMapping("/settings/cases/sqi-link/remove")
    public String unlinkSqi(@RequestParam long standardId) {
        links.unlink(standardId);
        return "redirect:/settings/cases#sqi-links";
    }
}
