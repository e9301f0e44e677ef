package com.serviceloop.audit;

import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.NotFoundException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Shoppers' nicknames: every report shows a shopper by nickname, so one is needed before a first visit. */
@Service
public class MysteryShoppers {
    private final MysteryProgrammeRepository repo;

    MysteryShoppers(MysteryProgrammeRepository repo) {
        this.repo = repo;
    }

    /** A person with the shopper role; {@code displayName} is shown only where nicknames are set. */
    public record MysteryShopper(long id, String displayName, String nickname) {
    }

    public List<MysteryShopper> list() {
        return repo.shoppers();
    }

    @Transactional
    public MysteryShopper nickname(long personId, String nickname) {
        repo.shopper(personId).orElseThrow(() -> new NotFoundException("Shopper", personId));
        String n = nickname.strip();
        if (repo.nicknameTaken(n, personId)) {
            throw BadInputException.of("nickname", "error.mystery.nicknameTaken", n);
        }
        repo.saveNickname(personId, n);
        return repo.shopper(personId).orElseThrow();
    }
}
