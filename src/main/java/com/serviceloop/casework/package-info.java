/** Complaints and requests as closed-loop cases: first-contact ownership, SLA clocks over business hours, escalation, follow-up calls, recovery, webhooks, the complaint indicators and the SQI. */
@ApplicationModule(displayName = "Cases", allowedDependencies = {"customer", "organisation", "platform", "standard"})
package com.serviceloop.casework;

import org.springframework.modulith.ApplicationModule;
