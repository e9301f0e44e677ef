package com.serviceloop.staff;

import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The chain's star levels and their thresholds, changed one level at a time. */
@Service
public class StarGradeRules {
    private final StarGradeRepository repo;
    private final Clock clock;

    StarGradeRules(StarGradeRepository repo, Clock clock) {
        this.repo = repo;
        this.clock = clock;
    }

    List<StarGradeRule> list() {
        return repo.rules();
    }

    /**
     * Sets a level's thresholds; refused when a higher star would then ask less than a lower one
     * (grades already stored keep the rules they were computed with until recomputed).
     */
    @Transactional
    public List<StarGradeRule> update(int stars, StarGradeRuleForm form) {
        if (stars < 1 || stars > 5) {
            throw BadInputException.of("stars", "error.staff.starLevel", String.valueOf(stars));
        }
        List<StarGradeRule> levels = new ArrayList<>(repo.rules());
        StarGradeRule current = levels.stream().filter(r -> r.stars() == stars).findFirst()
                .orElseThrow(() -> BadInputException.of("stars", "error.staff.starLevel", String.valueOf(stars)));
        if (form.version() != null && form.version() != current.version()) {
            throw ConflictException.of("error.staff.starRuleChanged", String.valueOf(stars));
        }
        StarGradeRule changed = current.with(form);
        levels.replaceAll(r -> r.stars() == stars ? changed : r);
        StarGrading.checkOrder(levels, stars);
        if (!repo.update(changed, current.version(), OffsetDateTime.now(clock))) {
            throw ConflictException.of("error.staff.starRuleChanged", String.valueOf(stars));
        }
        return repo.rules();
    }

    /** Sets all five levels at once (index 0: one star), checked as a whole: a step-by-step change may pass through a contradiction. */
    @Transactional
    public List<StarGradeRule> replaceAll(StarGradeLevelsForm form) {
        List<StarGradeRule> current = repo.rules();
        List<StarGradeRule> levels = new ArrayList<>();
        for (StarGradeRule r : current) {
            levels.add(r.with(form.levels().get(r.stars() - 1)));
        }
        StarGrading.checkOrder(levels, 0);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int i = 0; i < levels.size(); i++) {
            StarGradeRuleForm sent = form.levels().get(i);
            if (sent.version() != null && sent.version() != current.get(i).version()
                    || !repo.update(levels.get(i), current.get(i).version(), now)) {
                throw ConflictException.of("error.staff.starRuleChanged", String.valueOf(i + 1));
            }
        }
        return repo.rules();
    }
}
