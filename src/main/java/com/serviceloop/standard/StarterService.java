package com.serviceloop.standard;

import com.serviceloop.blueprint.Blueprint;
import com.serviceloop.blueprint.BlueprintForm;
import com.serviceloop.blueprint.BlueprintService;
import com.serviceloop.blueprint.BlueprintStep;
import com.serviceloop.blueprint.StepForm;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Copies an industry's starter standards and blueprint into an outlet type, in the manager's language. */
@Service
public class StarterService {
    private final StarterLibrary library;
    private final BlueprintService blueprints;
    private final StandardService standards;

    public StarterService(StarterLibrary library, BlueprintService blueprints, StandardService standards) {
        this.library = library;
        this.blueprints = blueprints;
        this.standards = standards;
    }

    public record Applied(String outletType, Blueprint blueprint, List<Standard> standards) {
    }

    @Transactional
    public Applied apply(AppUser user, String industry, String outletType, Locale locale) {
        StarterLibrary.Industry template = library.find(industry)
                .orElseThrow(() -> new NotFoundException("Starter industry", industry));
        if (outletType == null || !outletType.matches("[a-z0-9_-]{1,40}")) {
            throw BadInputException.of("outletType", "error.standard.outletTypeCode");
        }
        String name = template.blueprint().name().in(locale);
        if (blueprints.list(outletType).stream().anyMatch(b -> b.name().equals(name))) {
            throw ConflictException.of("error.standard.blueprintTaken", outletType, name);
        }
        Blueprint blueprint = blueprints.create(new BlueprintForm(outletType, name,
                text(template.blueprint().description(), locale), null));
        List<BlueprintStep> steps = new ArrayList<>();
        for (StarterLibrary.Step s : template.blueprint().steps()) {
            steps.add(blueprints.addStep(blueprint.id(), new StepForm(s.name().in(locale), text(s.customerAction(), locale),
                    text(s.frontStage(), locale), text(s.backStage(), locale), text(s.support(), locale),
                    text(s.touchPoints(), locale), s.timeStandardSecs(), s.dos() == null ? null : s.dos().lines(locale),
                    s.donts() == null ? null : s.donts().lines(locale), text(s.checkPoints(), locale),
                    text(s.ownerRole(), locale), s.satisfaction())));
        }
        List<Standard> created = new ArrayList<>();
        for (StarterLibrary.StandardTemplate t : template.standards()) {
            Long stepId = t.step() == null || t.step() >= steps.size() ? null : steps.get(t.step()).id();
            created.add(standards.create(user, new StandardForm(outletType, t.area(), t.behaviour().in(locale), t.kind(),
                    text(t.measure(), locale), t.targetValue(), t.targetUnit(), t.targetRate(), stepId,
                    text(t.owner(), locale), null, null)));
        }
        return new Applied(outletType, blueprints.get(blueprint.id()), created);
    }

    private static String text(StarterLibrary.Text t, Locale locale) {
        return t == null ? null : t.in(locale);
    }
}
