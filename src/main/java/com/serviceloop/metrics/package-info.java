/** The home page: today's figures from the other modules for the signed-in person's scope. */
@ApplicationModule(displayName = "Home", allowedDependencies = {"customer", "organisation", "platform"})
package com.serviceloop.metrics;

import org.springframework.modulith.ApplicationModule;
