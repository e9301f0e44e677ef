/** Stage 4, checking with customers and staff: surveys, public links and answers, satisfaction indicators, SERVQUAL and the five gaps, PDF reports. */
@ApplicationModule(displayName = "Surveys", allowedDependencies = {"casework", "customer", "knowledge", "organisation", "platform"})
package com.serviceloop.survey;

import org.springframework.modulith.ApplicationModule;
