/** Service blueprints: the steps of a service as the customer lives them, with the satisfaction of the whole chain of steps. */
@ApplicationModule(displayName = "Blueprints", allowedDependencies = {"organisation", "platform"})
package com.serviceloop.blueprint;

import org.springframework.modulith.ApplicationModule;
