package com.serviceloop.blueprint;

import com.serviceloop.organisation.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.http.HttpStatus;
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
@RequestMapping("/api/v1/blueprints")
@Tag(name = "Blueprints", description = "Service blueprints: steps, front and back stage, end-to-end satisfaction")
class BlueprintApi {
    private final BlueprintService blueprints;

    public BlueprintApi(BlueprintService blueprints) {
        this.blueprints = blueprints;
    }

    public record StepOrder(@NotNull List<Long> stepIds) {
    }

    @Roles.SignedIn
    @GetMapping
    public List<Blueprint> list(@RequestParam(required = false) String outletType) {
        return blueprints.list(outletType);
    }

    @Roles.SignedIn
    @GetMapping("/{id}")
    public Blueprint get(@PathVariable long id) {
        return blueprints.get(id);
    }

    @Roles.ChainWide
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Blueprint create(@Valid @RequestBody BlueprintForm form) {
        return blueprints.create(form);
    }

    @Roles.ChainWide
    @PutMapping("/{id}")
    public Blueprint update(@PathVariable long id, @Valid @RequestBody BlueprintForm form) {
        return blueprints.update(id, form);
    }

    @Roles.ChainWide
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable long id) {
        blueprints.delete(id);
    }

    @Roles.ChainWide
    @PostMapping("/{id}/steps")
    @ResponseStatus(HttpStatus.CREATED)
    public BlueprintStep addStep(@PathVariable long id, @Valid @RequestBody StepForm form) {
        return blueprints.addStep(id, form);
    }

    @Roles.ChainWide
    @PutMapping("/{id}/steps/{stepId}")
    public BlueprintStep updateStep(@PathVariable long id, @PathVariable long stepId, @Valid @RequestBody StepForm form) {
        return blueprints.updateStep(id, stepId, form);
    }

    @Roles.ChainWide
    @DeleteMapping("/{id}/steps/{stepId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deleteStep(@PathVariable long id, @PathVariable long stepId) {
        blueprints.deleteStep(id, stepId);
    }

    @Operation(summary = "Put the steps in a new order (every step once)")
    @Roles.ChainWide
    @PutMapping("/{id}/steps/order")
    public Blueprint reorder(@PathVariable long id, @Valid @RequestBody StepOrder order) {
        return blueprints.reorder(id, order.stepIds());
    }

    @Operation(summary = "End-to-end satisfaction: the product of the steps' satisfaction, and the weakest step")
    @Roles.SignedIn
    @GetMapping("/{id}/satisfaction")
    public ChainSatisfaction satisfaction(@PathVariable long id) {
        return blueprints.satisfaction(id);
    }
}
