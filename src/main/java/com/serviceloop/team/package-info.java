/** Stage 3, the winning team: jobs built from the service standards, their versioned job descriptions, who holds each job, hiring with a structured interview guide and scored candidates, and training: programmes that teach standards, sessions with each attendee's results, what each person still lacks, and the 20-item programme evaluation. */
@ApplicationModule(displayName = "Team", allowedDependencies = {"standard", "organisation", "platform", "knowledge"})
package com.serviceloop.team;

import org.springframework.modulith.ApplicationModule;
