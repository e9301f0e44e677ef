package com.serviceloop.organisation;

import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.OutletScope;
import java.util.List;
import java.util.Optional;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OrgService {
    private final OrgRepository repo;
    private final ApplicationEventPublisher events;

    public OrgService(OrgRepository repo, ApplicationEventPublisher events) {
        this.repo = repo;
        this.events = events;
    }

    /** A unit by id, whoever asks: for checks that apply a scope of their own. */
    public Optional<OrgUnit> find(long id) {
        return repo.findById(id);
    }

    /** The time zone an outlet's business hours are read in (null: the chain's default). */
    @Transactional
    public void setTimeZone(long unitId, String zone) {
        repo.setTimeZone(unitId, zone);
    }

    /** The outlet types the tree's outlets are given. */
    public List<String> outletTypes() {
        return repo.outletTypes();
    }

    /** Administrators see the whole tree; everyone else the part under their scope unit. */
    public List<OrgUnit> visibleUnits(AppUser user) {
        if (user.isAdmin()) {
            return repo.findAll();
        }
        return scopeRoot(user).map(u -> repo.findSubtree(u.path())).orElse(List.of());
    }

    /** A person scoped to a team works in that team's outlet and sees the outlet. */
    private Optional<OrgUnit> scopeRoot(AppUser user) {
        return user.scopeUnitId() == null ? Optional.empty() : repo.scopeRoot(user.scopeUnitId());
    }

    public List<OrgUnit> visibleOutlets(AppUser user) {
        return visibleUnits(user).stream().filter(u -> u.kind() == UnitKind.OUTLET).toList();
    }

    public OrgUnit get(AppUser user, long id) {
        OrgUnit unit = repo.findById(id).orElseThrow(() -> new NotFoundException("Unit", id));
        if (!user.isAdmin() && scopeRoot(user).filter(root -> unit.path().startsWith(root.path())).isEmpty()) {
            throw new NotFoundException("Unit", id);
        }
        return unit;
    }

    /** True before the first unit exists: a fresh installation. */
    public boolean isEmpty() {
        return repo.isEmpty();
    }

    public OutletScope scopeOf(AppUser user) {
        if (user.isAdmin()) {
            return OutletScope.EVERYTHING;
        }
        return user.scopeUnitId() == null ? OutletScope.of(List.of()) : repo.outletScope(user.scopeUnitId());
    }

    @CacheEvict(cacheNames = "outlet-scope", allEntries = true)
    @Transactional
    public OrgUnit create(OrgUnitForm form) {
        String parentPath = "/";
        if (form.kind() == UnitKind.CHAIN) {
            if (form.parentId() != null) {
                throw BadInputException.of("parentId", "error.organisation.chainHasNoParent");
            }
        } else {
            if (form.parentId() == null) {
                throw BadInputException.of("parentId", "error.organisation.needsParent", kindWord(form.kind()));
            }
            OrgUnit parent = repo.findById(form.parentId())
                    .orElseThrow(() -> BadInputException.of("parentId", "error.organisation.noUnit",
                            String.valueOf(form.parentId())));
            if (!form.kind().allowedParents().contains(parent.kind())) {
                throw BadInputException.of("parentId", "error.organisation.wrongParent", kindWord(form.kind()),
                        kindWord(parent.kind()));
            }
            parentPath = parent.path();
        }
        checkCode(form.code(), null);
        long id = repo.insert(form.parentId(), form, parentPath);
        return repo.findById(id).orElseThrow();
    }

    @CacheEvict(cacheNames = "outlet-scope", allEntries = true)
    @Transactional
    public OrgUnit update(long id, OrgUnitForm form) {
        OrgUnit current = repo.findById(id).orElseThrow(() -> new NotFoundException("Unit", id));
        if (form.kind() != current.kind()) {
            throw BadInputException.of("kind", "error.organisation.kindFixed");
        }
        checkCode(form.code(), id);
        int version = form.version() == null ? current.version() : form.version();
        if (!repo.update(id, form, version)) {
            throw ConflictException.of("error.organisation.unitChanged", String.valueOf(id));
        }
        return repo.findById(id).orElseThrow();
    }

    @CacheEvict(cacheNames = "outlet-scope", allEntries = true)
    @Transactional
    public void delete(long id) {
        repo.findById(id).orElseThrow(() -> new NotFoundException("Unit", id));
        if (repo.dependants(id) > 0) {
            throw ConflictException.of("error.organisation.unitInUse", String.valueOf(id));
        }
        events.publishEvent(new UnitDeleting(id));
        repo.delete(id);
    }

    private void checkCode(String code, Long exceptId) {
        if (repo.codeTaken(code.strip(), exceptId)) {
            throw BadInputException.of("code", "error.organisation.codeTaken", code.strip());
        }
    }

    /** Worded when the refusal is, so that a Chinese reader gets 门店 rather than "outlet". */
    private static MessageSourceResolvable kindWord(UnitKind kind) {
        return new DefaultMessageSourceResolvable(new String[] {"error.organisation.kind." + kind.name()},
                kind.name().toLowerCase());
    }
}
