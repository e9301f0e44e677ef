/** Stage 4, service audits: audit forms built from the standards in force, walk-around audits with photos and signatures, their scores, corrective actions and schedules. */
@ApplicationModule(displayName = "Service audits", allowedDependencies = {"standard", "blueprint", "knowledge", "organisation", "platform"})
package com.serviceloop.audit;

import org.springframework.modulith.ApplicationModule;
