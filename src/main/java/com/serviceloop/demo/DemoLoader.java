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
    private final DemoTeam team;
    private final DemoProfiles profiles;
    private final DemoClimate climate;
    private final DemoTraining training;
    private final DemoLeadership leadership;
    private final DemoMystery mystery;
    private final DemoRecognition recognition;
    private final DemoStars stars;
    private final DemoReviews reviews;

    DemoLoader(DemoData demo, OrgService org, DemoTeam team, DemoProfiles profiles, DemoClimate climate,
               DemoTraining training, DemoLeadership leadership, DemoMystery mystery, DemoRecognition recognition,
               DemoStars stars, DemoReviews reviews) {
        this.recognition = recognition;
        this.leadership = leadership;
        this.mystery = mystery;
        this.stars = stars;
        this.reviews = reviews;
        this.demo = demo;
        this.org = org;
        this.team = team;
        this.profiles = profiles;
        this.climate = climate;
        this.training = training;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (org.isEmpty()) {
            DemoData.Loaded loaded = demo.loadOnce("");
            // null: another instance is loading the demo
            if (loaded != null) {
                DemoTeam.Loaded staffed = team.load(loaded.outlets(), "");
                training.load(loaded.outlets(), "", staffed.jobs());
                leadership.load("");
                profiles.load(loaded, "");
                climate.load(loaded, "");
                mystery.load(loaded.outlets(), DemoData.MONTHS, "");
                recognition.load(loaded.outlets());
                stars.load(DemoData.MONTHS);
                reviews.load(loaded.outlets());
            }
        }
    }
}
