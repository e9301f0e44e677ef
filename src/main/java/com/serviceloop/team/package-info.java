/** Stage 3, the winning team: jobs built from the service standards, their versioned job descriptions and who holds each job. */
@ApplicationModule(displayName = "Team", allowedDependencies = {"standard", "organisation", "platform", "knowledge"})
package com.serviceloop.team;

import org.springframework.modulith.ApplicationModule;
