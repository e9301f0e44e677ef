/** What the team learns from: the printable service handbook built from the standards, blueprints and the outlet type's service profile, and an outlet's service profile to print. */
@ApplicationModule(displayName = "Knowledge", allowedDependencies = {"blueprint", "customer", "standard", "organisation", "platform"})
package com.serviceloop.knowledge;

import org.springframework.modulith.ApplicationModule;
