/** The chain's tree of regions, outlets and teams, the people who work in it with their roles and scope, sign-in, role rules and API tokens. */
@ApplicationModule(displayName = "Organisation", allowedDependencies = {"platform"})
package com.serviceloop.organisation;

import org.springframework.modulith.ApplicationModule;
