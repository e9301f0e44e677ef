package com.serviceloop.organisation;

import com.serviceloop.platform.PageRequest;
import com.serviceloop.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organisation", description = "Chain, regions, outlets, teams, people and API tokens")
class OrganisationApi {
    private final OrgService org;
    private final PersonService people;
    private final ApiTokenService tokens;

    public OrganisationApi(OrgService org, PersonService people, ApiTokenService tokens) {
        this.org = org;
        this.people = people;
        this.tokens = tokens;
    }

    public record SetupRequest(@NotBlank @Size(max = 200) String displayName,
                               @NotBlank @Size(min = 3, max = 80) String username,
                               @NotBlank @Size(min = PersonForm.MIN_PASSWORD, max = 200) String password) {
    }

    public record TokenRequest(@NotBlank @Size(max = 100) String name, @NotNull Long personId) {
    }

    @Operation(summary = "First run: create the first administrator (only while none exists)")
    @PostMapping("/setup")
    @ResponseStatus(HttpStatus.CREATED)
    public Person setup(@Valid @RequestBody SetupRequest r) {
        return people.createFirstAdmin(r.displayName(), r.username(), r.password());
    }

    @Operation(summary = "The caller, as the API sees them")
    @Roles.SignedIn
    @GetMapping("/me")
    public AppUser me(@AuthenticationPrincipal AppUser user) {
        return new AppUser(user.id(), user.username(), null, user.displayName(), user.role(), user.scopeUnitId());
    }

    @Operation(summary = "Units the caller can see, in tree order")
    @Roles.SignedIn
    @GetMapping("/units")
    public List<OrgUnit> units(@AuthenticationPrincipal AppUser user) {
        return org.visibleUnits(user);
    }

    @Roles.SignedIn
    @GetMapping("/units/{id}")
    public OrgUnit unit(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return org.get(user, id);
    }

    @Roles.Admin
    @PostMapping("/units")
    @ResponseStatus(HttpStatus.CREATED)
    public OrgUnit createUnit(@Valid @RequestBody OrgUnitForm form) {
        return org.create(form);
    }

    @Roles.Admin
    @PutMapping("/units/{id}")
    public OrgUnit updateUnit(@PathVariable long id, @Valid @RequestBody OrgUnitForm form) {
        return org.update(id, form);
    }

    @Roles.Admin
    @DeleteMapping("/units/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deleteUnit(@PathVariable long id) {
        org.delete(id);
    }

    @Roles.Admin
    @GetMapping("/people")
    public PageResult<Person> people(@RequestParam(required = false) String q,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        return people.search(q, PageRequest.of(page, size));
    }

    @Roles.Admin
    @GetMapping("/people/{id}")
    public Person person(@PathVariable long id) {
        return people.get(id);
    }

    @Roles.Admin
    @PostMapping("/people")
    @ResponseStatus(HttpStatus.CREATED)
    public Person createPerson(@Valid @RequestBody PersonForm form) {
        return people.create(form);
    }

    @Roles.Admin
    @PutMapping("/people/{id}")
    public Person updatePerson(@PathVariable long id, @Valid @RequestBody PersonForm form) {
        return people.update(id, form);
    }

    @Roles.Admin
    @GetMapping("/tokens")
    public List<ApiToken> tokens() {
        return tokens.list();
    }

    @Operation(summary = "Issue a token acting as the given person; the secret is in this answer only")
    @Roles.Admin
    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    public IssuedToken issue(@Valid @RequestBody TokenRequest r) {
        return tokens.issue(r.name(), r.personId());
    }

    @Roles.Admin
    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revoke(@PathVariable long id) {
        tokens.revoke(id);
    }
}
