/** What the team learns from: the printable service handbook built from the standards and blueprints. */
@ApplicationModule(displayName = "Knowledge", allowedDependencies = {"blueprint", "standard", "organisation", "platform"})
package com.serviceloop.knowledge;

import org.springframework.modulith.ApplicationModule;
