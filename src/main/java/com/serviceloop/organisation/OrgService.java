package com.serviceloop.organisation;

import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.OutletScope;
import java.util.List;
import java.util.Optional;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.context.ApplicationEventPublisher;
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
                throw new BadInputException("parentId", "A chain is the top of the tree and has no parent");
            }
        } else {
            if (form.parentId() == null) {
                throw new BadInputException("parentId", "A " + form.kind().name().toLowerCase() + " needs a parent");
            }
            OrgUnit parent = repo.findById(form.parentId())
                    .orElseThrow(() -> new BadInputException("parentId", "No unit with id " + form.parentId()));
            if (!form.kind().allowedParents().contains(parent.kind())) {
                throw new BadInputException("parentId", "A " + form.kind().name().toLowerCase()
                        + " cannot be placed under a " + parent.kind().name().toLowerCase());
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
            throw new BadInputException("kind", "The kind of a unit cannot change");
        }
        checkCode(form.code(), id);
        int version = form.version() == null ? current.version() : form.version();
        if (!repo.update(id, form, version)) {
            throw new ConflictException("Unit " + id + " was changed by someone else; reload and try again");
        }
        return repo.findById(id).orElseThrow();
    }

    @CacheEvict(cacheNames = "outlet-scope", allEntries = true)
    @Transactional
    public void delete(long id) {
        repo.findById(id).orElseThrow(() -> new NotFoundException("Unit", id));
        if (repo.dependants(id) > 0) {
            throw new ConflictException("Unit " + id + " still has sub-units or people");
        }
        events.publishEvent(new UnitDeleting(id));
        repo.delete(id);
    }

    private void checkCode(String code, Long exceptId) {
        if (repo.codeTaken(code.strip(), exceptId)) {
            throw new BadInputException("code", "Code " + code.strip() + " is already used by another unit");
        }
    }
}
