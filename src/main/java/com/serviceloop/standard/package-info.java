/** Stage 2, service standards: measurable standards in fourteen areas, versioned and quality-checked, their measurements, priorities and starter libraries per industry. */
@ApplicationModule(displayName = "Standards", allowedDependencies = {"blueprint", "organisation", "platform"})
package com.serviceloop.standard;

import org.springframework.modulith.ApplicationModule;
