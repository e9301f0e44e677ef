/** Stage 4, staff feedback: recognition notes, per-person and per-team scoreboards, performance reviews, and each outlet's monthly star grade. */
@ApplicationModule(displayName = "Staff feedback", allowedDependencies = {"audit", "blueprint", "casework", "customer",
        "organisation", "platform", "standard", "survey", "team"})
package com.serviceloop.staff;

import org.springframework.modulith.ApplicationModule;
