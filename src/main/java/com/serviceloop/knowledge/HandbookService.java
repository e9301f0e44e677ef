package com.serviceloop.knowledge;

import com.serviceloop.blueprint.BlueprintService;
import com.serviceloop.customer.ServiceProfileService;
import com.serviceloop.standard.PriorityService;
import com.serviceloop.standard.Standard;
import com.serviceloop.standard.StandardService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

@Service
class HandbookService {
    private final StandardService standards;
    private final BlueprintService blueprints;
    private final PriorityService priorities;
    private final ServiceProfileService profiles;
    private final Clock clock;

    public HandbookService(StandardService standards, BlueprintService blueprints, PriorityService priorities,
                           ServiceProfileService profiles, Clock clock) {
        this.profiles = profiles;
        this.standards = standards;
        this.blueprints = blueprints;
        this.priorities = priorities;
        this.clock = clock;
    }

    /** Areas without a standard are left out: the handbook holds only what staff are asked to do. */
    public Handbook handbook(String outletType) {
        Map<String, List<Standard>> byArea = standards.list(outletType, false).stream()
                .collect(Collectors.groupingBy(Standard::areaCode));
        List<Handbook.Section> sections = standards.areas().stream()
                .filter(a -> byArea.containsKey(a.code()))
                .map(a -> new Handbook.Section(a, byArea.get(a.code())))
                .toList();
        return new Handbook(outletType, LocalDate.now(clock), sections,
                blueprints.list(outletType).stream().map(b -> blueprints.get(b.id())).toList(),
                priorities.get(outletType), profiles.templateIfWritten(outletType).orElse(null));
    }
}
