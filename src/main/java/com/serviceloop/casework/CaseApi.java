package com.serviceloop.casework;

import com.serviceloop.platform.AppUser;
import com.serviceloop.platform.PageRequest;
import com.serviceloop.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases", description = "Complaints and requests: first-contact ownership, lifecycle, history, SLA clocks")
public class CaseApi {
    static final String HANDLERS = "hasAnyRole('ADMIN','MANAGER','STAFF')";
    private final CaseService cases;

    public CaseApi(CaseService cases) {
        this.cases = cases;
    }

    @GetMapping
    public PageResult<SupportCase> list(@AuthenticationPrincipal AppUser user,
                                        @RequestParam(required = false) CaseStatus status,
                                        @RequestParam(defaultValue = "false") boolean mine,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        return cases.list(user, status, mine, PageRequest.of(page, size));
    }

    @Operation(summary = "Record a case; the person recording it owns it (first-contact responsibility)")
    @PreAuthorize(HANDLERS)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public SupportCase create(@AuthenticationPrincipal AppUser user, @Valid @RequestBody CaseForm form) {
        return cases.create(user, form);
    }

    @GetMapping("/{id}")
    public SupportCase get(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return cases.get(user, id);
    }

    @Operation(summary = "Move the case along its lifecycle; send the version you read (409 when stale)")
    @PreAuthorize(HANDLERS)
    @PostMapping("/{id}/status")
    public SupportCase move(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                            @Valid @RequestBody CaseCommands.Move move) {
        return cases.move(user, id, move);
    }

    @Operation(summary = "Hand the case over to a named person, with a reason")
    @PreAuthorize(HANDLERS)
    @PostMapping("/{id}/handover")
    public SupportCase handOver(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                @Valid @RequestBody CaseCommands.HandOver handOver) {
        return cases.handOver(user, id, handOver);
    }

    @Operation(summary = "The append-only history: who, when, what")
    @GetMapping("/{id}/events")
    public List<CaseEvent> events(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return cases.history(user, id);
    }

    @Operation(summary = "SLA clocks: first response, resolution, follow-up, with their business-hours deadlines")
    @GetMapping("/{id}/clocks")
    public List<CaseClock> clocks(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return cases.clocks(user, id);
    }
}
