package com.serviceloop.blueprint;

import java.util.List;

public record Blueprint(long id, String outletType, String name, String description, int version,
                        List<BlueprintStep> steps) {

    Blueprint withSteps(List<BlueprintStep> s) {
        return new Blueprint(id, outletType, name, description, version, s);
    }
}
