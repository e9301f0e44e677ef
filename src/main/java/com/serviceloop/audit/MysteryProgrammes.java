package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.UnitKind;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.OutletScope;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Mystery-shopping programmes: written by chain-wide roles, read by everyone who looks over the outlets. */
@Service
public class MysteryProgrammes {
    /** A window longer than this is a typing error rather than a plan. */
    static final int MAX_WINDOW_YEARS = 3;
    private final MysteryProgrammeRepository repo;
    private final AuditForms forms;
    private final OrgService org;
    private final Clock clock;

    MysteryProgrammes(MysteryProgrammeRepository repo, AuditForms forms, OrgService org, Clock clock) {
        this.repo = repo;
        this.forms = forms;
        this.org = org;
        this.clock = clock;
    }

    public List<MysteryProgramme> list() {
        return repo.list();
    }

    public MysteryProgramme get(long id) {
        return repo.find(id).orElseThrow(() -> new NotFoundException("Mystery-shopping programme", id));
    }

    @Transactional
    public MysteryProgramme create(AppUser user, MysteryProgrammeForm f) {
        check(user, f);
        long id = repo.insert(f, user.id(), OffsetDateTime.now(clock));
        repo.replaceOutlets(id, f.outletIds().stream().distinct().toList());
        repo.replaceScenarios(id, f.scenarios() == null ? List.of() : f.scenarios());
        return get(id);
    }

    @Transactional
    public MysteryProgramme update(AppUser user, long id, MysteryProgrammeForm f) {
        get(id);
        check(user, f);
        if (!repo.update(id, f)) {
            throw ConflictException.of("error.mystery.programmeChanged", String.valueOf(id));
        }
        repo.replaceOutlets(id, f.outletIds().stream().distinct().toList());
        repo.replaceScenarios(id, f.scenarios() == null ? List.of() : f.scenarios());
        return get(id);
    }

    private void check(AppUser user, MysteryProgrammeForm f) {
        LocalDate today = LocalDate.now(clock);
        if (f.windowFrom().isBefore(today.minusYears(5)) || f.windowFrom().isAfter(today.plusYears(5))) {
            throw BadInputException.of("windowFrom", "error.mystery.windowFromRange");
        }
        if (f.windowTo().isBefore(f.windowFrom())) {
            throw BadInputException.of("windowTo", "error.mystery.windowBackwards", f.windowFrom(), f.windowTo());
        }
        if (f.windowTo().isAfter(today.plusYears(5)) || f.windowTo().isAfter(f.windowFrom().plusYears(MAX_WINDOW_YEARS))) {
            throw BadInputException.of("windowTo", "error.mystery.windowRange", MAX_WINDOW_YEARS);
        }
        AuditForm form = forms.find(f.formId())
                .orElseThrow(() -> BadInputException.of("formId", "error.audit.unknownForm", String.valueOf(f.formId())));
        forms.latest(form.id());
        OutletScope scope = org.scopeOf(user);
        for (Long o : new HashSet<>(f.outletIds())) {
            OrgUnit outlet = org.find(o).filter(u -> scope.contains(u.id()) && u.kind() == UnitKind.OUTLET)
                    .orElseThrow(() -> BadInputException.of("outletIds", "error.mystery.unknownOutlet", String.valueOf(o)));
            if (!form.outletType().equals(outlet.outletType())) {
                throw BadInputException.of("outletIds", "error.audit.formForOtherType", form.name(), form.outletType());
            }
        }
    }
}
