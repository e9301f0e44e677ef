/** Stage 1, understanding the customer: customers and their visits, frequency tiers, customer value and loyalty classes, with import and export. */
@ApplicationModule(displayName = "Customers", allowedDependencies = {"organisation", "platform"})
package com.serviceloop.customer;

import org.springframework.modulith.ApplicationModule;
