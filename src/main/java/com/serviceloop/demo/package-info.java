/** Demo data on request: a pharmacy chain with its people, customers, 18 months of visits, cases, audits and customer survey answers, jobs with their descriptions, training, the staff's service climate survey, loaded once into an empty database. */
@ApplicationModule(displayName = "Demo data", allowedDependencies = {"audit", "casework", "customer", "organisation", "platform", "staff", "standard", "survey", "team"})
package com.serviceloop.demo;

import org.springframework.modulith.ApplicationModule;
