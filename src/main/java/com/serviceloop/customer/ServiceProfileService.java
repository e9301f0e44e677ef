package com.serviceloop.customer;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.UnitKind;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.OutletScope;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Service profiles: a template per outlet type, written for the whole chain, and an outlet's own
 * adjustment of it, written by the outlet's managers. An outlet without its own profile shows the
 * template. Every save adds a version; saving on top of a version other than the newest is a 409.
 */
@Service
public class ServiceProfileService {
    private final ServiceProfileRepository repo;
    private final OrgService org;
    private final ObjectMapper json;

    public ServiceProfileService(ServiceProfileRepository repo, OrgService org, ObjectMapper json) {
        this.repo = repo;
        this.org = org;
        this.json = json;
    }

    /** The outlet types that outlets of the tree carry; a template can be written for these only. */
    public List<String> outletTypes() {
        return org.outletTypes();
    }

    /** The template's current version, or its version {@code version} when given. */
    public ServiceProfile template(String outletType, Integer version) {
        checkType(outletType);
        checkVersion(version);
        String key = ServiceProfileRepository.templateKey(outletType);
        Optional<ServiceProfileRepository.Row> row = version == null ? repo.latest(OutletScope.EVERYTHING, key)
                : repo.version(OutletScope.EVERYTHING, key, version);
        if (version != null && row.isEmpty()) {
            throw new NotFoundException("Service profile version", version);
        }
        return row.map(r -> profile(r, ServiceProfile.Source.TEMPLATE, null))
                .orElse(new ServiceProfile(outletType, null, null, ServiceProfile.Source.NONE, 0, null, null,
                        ServiceProfileForm.empty()));
    }

    /** For the handbook: the template of a type, empty when none was written. */
    public Optional<ServiceProfile> templateIfWritten(String outletType) {
        return repo.latest(OutletScope.EVERYTHING, ServiceProfileRepository.templateKey(outletType))
                .map(r -> profile(r, ServiceProfile.Source.TEMPLATE, null));
    }

    public List<ServiceProfile.Version> templateVersions(String outletType) {
        checkType(outletType);
        return repo.versions(OutletScope.EVERYTHING, ServiceProfileRepository.templateKey(outletType));
    }

    @Transactional
    public ServiceProfile saveTemplate(AppUser user, String outletType, ServiceProfileForm form) {
        checkType(outletType);
        save(user, ServiceProfileRepository.templateKey(outletType), outletType, null, form);
        return template(outletType, null);
    }

    /**
     * What an outlet shows: its own profile (a given version, or the newest), else its type's
     * template. 404 for a unit outside the caller's scope or not an outlet.
     */
    public ServiceProfile outlet(AppUser user, long outletId, Integer version) {
        OrgUnit outlet = outletUnit(user, outletId);
        checkVersion(version);
        OutletScope scope = org.scopeOf(user);
        String key = ServiceProfileRepository.outletKey(outletId);
        Optional<ServiceProfileRepository.Row> own = version == null ? repo.latest(scope, key)
                : repo.version(scope, key, version);
        if (version != null && own.isEmpty()) {
            throw new NotFoundException("Service profile version", version);
        }
        if (own.isPresent()) {
            return profile(own.get(), ServiceProfile.Source.OUTLET, outlet.name());
        }
        ServiceProfile template = outlet.outletType() == null ? null : template(outlet.outletType(), null);
        if (template == null || template.source() == ServiceProfile.Source.NONE) {
            return new ServiceProfile(outlet.outletType(), outletId, outlet.name(), ServiceProfile.Source.NONE, 0, null,
                    null, ServiceProfileForm.empty());
        }
        // the template's content, but version 0: the outlet's first save starts its own line of versions
        return new ServiceProfile(template.outletType(), outletId, outlet.name(), ServiceProfile.Source.TEMPLATE, 0,
                template.authorName(), template.savedAt(), template.content().withVersion(0));
    }

    public List<ServiceProfile.Version> outletVersions(AppUser user, long outletId) {
        outletUnit(user, outletId);
        return repo.versions(org.scopeOf(user), ServiceProfileRepository.outletKey(outletId));
    }

    @Transactional
    public ServiceProfile saveOutlet(AppUser user, long outletId, ServiceProfileForm form) {
        OrgUnit outlet = outletUnit(user, outletId);
        if (outlet.outletType() == null) {
            throw BadInputException.of("outletId", "error.customer.profileNoType", String.valueOf(outletId));
        }
        save(user, ServiceProfileRepository.outletKey(outletId), outlet.outletType(), outletId, form);
        return outlet(user, outletId, null);
    }

    /** The outlet, when the caller may see it; 404 otherwise, as for any record outside the scope. */
    OrgUnit outletUnit(AppUser user, long outletId) {
        OrgUnit unit = org.get(user, outletId);
        if (unit.kind() != UnitKind.OUTLET) {
            throw new NotFoundException("Outlet", outletId);
        }
        return unit;
    }

    private void save(AppUser user, String key, String outletType, Long outletId, ServiceProfileForm raw) {
        ServiceProfileForm form = raw.normalised();
        check(form);
        int current = repo.currentVersion(key);
        int expected = form.version() == null ? current : form.version();
        if (expected != current
                || !repo.insert(key, outletType, outletId, current + 1, json.writeValueAsString(form.withVersion(null)),
                        user.id(), user.displayName())) {
            throw ConflictException.of("error.customer.profileChanged", String.valueOf(current));
        }
    }

    /** Rules beyond the bean constraints: each characteristic, tier and need at most once; one mapping per need. */
    static void check(ServiceProfileForm f) {
        Set<Object> seen = new HashSet<>();
        for (var c : f.characteristics()) {
            if (!seen.add(c.code())) {
                throw BadInputException.of("characteristics", "error.customer.profileTwice", c.code().name());
            }
        }
        for (var s : f.silhouette()) {
            if (!seen.add(s.tier())) {
                throw BadInputException.of("silhouette", "error.customer.profileTwice", s.tier().name());
            }
        }
        for (int i = 0; i < f.needs().size(); i++) {
            var n = f.needs().get(i);
            if (!seen.add(n.need())) {
                throw BadInputException.of("needs", "error.customer.profileTwice", n.need().name());
            }
            if (n.questionId() != null && n.dimension() != null) {
                throw BadInputException.of("needs[" + i + "].questionId", "error.customer.needMappedTwice");
            }
        }
    }

    private static void checkVersion(Integer version) {
        if (version != null && version < 1) {
            throw BadInputException.of("version", "error.customer.profileVersion");
        }
    }

    private void checkType(String outletType) {
        if (outletType == null || !org.outletTypes().contains(outletType)) {
            throw BadInputException.of("outletType", "error.customer.unknownOutletType", String.valueOf(outletType));
        }
    }

    private ServiceProfile profile(ServiceProfileRepository.Row r, ServiceProfile.Source source, String outletName) {
        ServiceProfileForm content = json.readValue(r.body(), ServiceProfileForm.class).normalised()
                .withVersion(r.version());
        return new ServiceProfile(r.outletType(), r.outletId(), outletName, source, r.version(), r.authorName(),
                r.savedAt(), content);
    }
}
