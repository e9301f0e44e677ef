package com.serviceloop.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** With serviceloop.demo.enabled=true, an empty database gets the demo chain at start-up. */
@Component
@ConditionalOnProperty(name = "serviceloop.demo.enabled", havingValue = "true")
class DemoLoader implements ApplicationRunner {
    private final DemoData demo;

    DemoLoader(DemoData demo) {
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo.organisationEmpty()) {
            demo.loadOnce("");
        }
    }
}
