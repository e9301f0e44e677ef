package com.serviceloop.demo;

import com.serviceloop.organisation.OrgService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** With serviceloop.demo.enabled=true, an empty database gets the demo chain at start-up. */
@Component
@ConditionalOnProperty(name = "serviceloop.demo.enabled", havingValue = "true")
class DemoLoader implements ApplicationRunner {
    private final DemoData demo;
    private final OrgService org;
    private final DemoProfiles profiles;

    DemoLoader(DemoData demo, OrgService org, DemoProfiles profiles) {
        this.demo = demo;
        this.org = org;
        this.profiles = profiles;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (org.isEmpty()) {
            profiles.load(demo.loadOnce(""), "");
        }
    }
}
