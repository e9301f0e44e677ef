/** The home page: each person's work for today and this month's figures for their scope, from the other modules. */
@ApplicationModule(displayName = "Home", allowedDependencies = {"casework", "organisation", "platform"})
package com.serviceloop.metrics;

import org.springframework.modulith.ApplicationModule;
