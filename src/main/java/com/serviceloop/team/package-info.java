/** Stage 3, the winning team: jobs built from the service standards, their versioned job descriptions, who holds each job, and hiring with a structured interview guide and scored candidates. */
@ApplicationModule(displayName = "Team", allowedDependencies = {"standard", "organisation", "platform", "knowledge"})
package com.serviceloop.team;

import org.springframework.modulith.ApplicationModule;
