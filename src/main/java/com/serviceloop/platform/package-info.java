/** Shared plumbing that every module may use and that knows no feature: database helpers, the outbox, chain-wide settings, error answers, web, security headers and job set-up. */
@ApplicationModule(displayName = "Platform", allowedDependencies = {})
package com.serviceloop.platform;

import org.springframework.modulith.ApplicationModule;
