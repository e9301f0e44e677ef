package com.serviceloop;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The feature modules and their allowed dependencies, as Spring Modulith reads them from the code. */
class ModulesTest {
    static final ApplicationModules MODULES = ApplicationModules.of(ServiceLoopApplication.class);

    @Test
    void modulesDependOnEachOtherOnlyThroughTheirPublicServicesAndWithoutCycles() {
        MODULES.verify();
    }
}
