package com.serviceloop.knowledge;

import com.serviceloop.blueprint.Blueprint;
import com.serviceloop.customer.ServiceProfile;
import com.serviceloop.standard.Priorities;
import com.serviceloop.standard.Standard;
import com.serviceloop.standard.StandardArea;
import java.time.LocalDate;
import java.util.List;

/** Everything the staff-room handbook of one outlet type shows; the service profile is null until its template is written. */
public record Handbook(String outletType, LocalDate printedOn, List<Section> sections, List<Blueprint> blueprints,
                       Priorities priorities, ServiceProfile profile) {

    /** One standard area and the active standards written in it. */
    public record Section(StandardArea area, List<Standard> standards) {
    }

    public int standardCount() {
        return sections.stream().mapToInt(s -> s.standards().size()).sum();
    }
}
