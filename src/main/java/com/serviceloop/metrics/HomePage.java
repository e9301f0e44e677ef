package com.serviceloop.metrics;

import com.serviceloop.customer.CustomerService;
import com.serviceloop.customer.TierMix;
import com.serviceloop.organisation.AppUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/** The overview page: the figures management steers by, starting with the customer tier mix. */
@Controller
class HomePage {
    private final CustomerService customers;
    private final MessageSource messages;
    private final ObjectMapper json;

    public HomePage(CustomerService customers, MessageSource messages, ObjectMapper json) {
        this.customers = customers;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/")
    public String home(@AuthenticationPrincipal AppUser user, Model model, Locale locale) throws JacksonException {
        List<TierMix> mix = customers.tierMix(user);
        model.addAttribute("mix", mix);
        model.addAttribute("totalCustomers", mix.stream().mapToLong(TierMix::total).sum());
        model.addAttribute("tierLabels", json.writeValueAsString(tierLabels(locale)));
        return "home";
    }

    private Map<String, String> tierLabels(Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String t : List.of("heavy", "medium", "light", "lapsed")) {
            labels.put(t, messages.getMessage("tier." + t.toUpperCase(Locale.ROOT), null, locale));
        }
        return labels;
    }
}
