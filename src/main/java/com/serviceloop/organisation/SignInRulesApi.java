package com.serviceloop.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sign-in-rules")
@Tag(name = "Single sign-on", description = "Rules that give people signing in through OpenID Connect or LDAP their role and scope")
class SignInRulesApi {
    private final SignInRules rules;

    SignInRulesApi(SignInRules rules) {
        this.rules = rules;
    }

    @Operation(summary = "The mapping rules in the order they are tried")
    @Roles.Admin
    @GetMapping
    public List<SignInRule> signInRules() {
        return rules.list();
    }

    @Roles.Admin
    @GetMapping("/{id}")
    public SignInRule signInRule(@PathVariable long id) {
        return rules.get(id);
    }

    @Operation(summary = "Add a rule: claim value pattern (may capture a unit code) to role and unit")
    @Roles.Admin
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public SignInRule createSignInRule(@Valid @RequestBody SignInRuleForm form) {
        return rules.create(form);
    }

    @Roles.Admin
    @PutMapping("/{id}")
    public SignInRule updateSignInRule(@PathVariable long id, @Valid @RequestBody SignInRuleForm form) {
        return rules.update(id, form);
    }

    @Roles.Admin
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deleteSignInRule(@PathVariable long id) {
        rules.delete(id);
    }
}
