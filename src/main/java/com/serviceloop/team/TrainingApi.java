package com.serviceloop.team;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
@RequestMapping("/api/v1/training")
@Tag(name = "Training", description = "Programmes that teach standards, sessions with each attendee's results, records and gaps")
class TrainingApi {
    private final ProgrammeService programmes;
    private final SessionService sessions;
    private final TrainingRecords records;

    TrainingApi(ProgrammeService programmes, SessionService sessions, TrainingRecords records) {
        this.programmes = programmes;
        this.sessions = sessions;
        this.records = records;
    }

    @Operation(summary = "Programmes of an outlet type and the chain-wide ones (every programme without outletType)")
    @Roles.SignedIn
    @GetMapping("/programmes")
    public List<Programme> programmes(@RequestParam(required = false) String outletType) {
        return programmes.list(outletType);
    }

    @Roles.SignedIn
    @GetMapping("/programmes/{id}")
    public Programme programme(@PathVariable long id) {
        return programmes.get(id);
    }

    @Operation(summary = "Add a programme with the standards it teaches (standards of its outlet type when it has one)")
    @Roles.ChainWide
    @PostMapping("/programmes")
    @ResponseStatus(HttpStatus.CREATED)
    public Programme create(@Valid @RequestBody ProgrammeForm form) {
        return programmes.create(form);
    }

    @Operation(summary = "Change a programme's name, outlet type, description and standards ('version' detects conflicts)")
    @Roles.ChainWide
    @PutMapping("/programmes/{id}")
    public Programme update(@PathVariable long id, @Valid @RequestBody ProgrammeForm form) {
        return programmes.update(id, form);
    }

    @Operation(summary = "Delete a programme that has no sessions and no evaluations yet (409 otherwise)")
    @Roles.ChainWide
    @DeleteMapping("/programmes/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable long id) {
        programmes.delete(id);
    }

    @Operation(summary = "Sessions held in the caller's outlets, newest first; of one programme or outlet when given")
    @Roles.SignedIn
    @GetMapping("/sessions")
    public List<TrainingSession.Line> sessions(@AuthenticationPrincipal AppUser user,
                                               @RequestParam(required = false) Long programmeId,
                                               @RequestParam(required = false) Long outletId) {
        return sessions.list(user, programmeId, outletId);
    }

    @Roles.SignedIn
    @GetMapping("/sessions/{id}")
    public TrainingSession session(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return sessions.get(user, id);
    }

    @Operation(summary = "Plan a session of a programme in an outlet of the caller's, with its trainer and attendees")
    @Roles.Managers
    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    public TrainingSession createSession(@AuthenticationPrincipal AppUser user, @Valid @RequestBody SessionForm form) {
        return sessions.create(user, form);
    }

    @Operation(summary = "Change a session's day, trainer, note and attendees (programme and outlet stay; 'version' detects conflicts)")
    @Roles.Managers
    @PutMapping("/sessions/{id}")
    public TrainingSession updateSession(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                         @Valid @RequestBody SessionForm form) {
        return sessions.update(user, id, form);
    }

    @Operation(summary = "Record an attendee's results: attended, knowledge check, skill check on the job (null: not recorded)")
    @Roles.Managers
    @PutMapping("/sessions/{id}/attendees/{personId}")
    public TrainingSession result(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                  @PathVariable long personId, @Valid @RequestBody ResultForm form) {
        return sessions.record(user, id, personId, form);
    }

    @Operation(summary = "A person's training record: sessions with results, and what they still lack for their job")
    @Roles.SignedIn
    @GetMapping("/people/{personId}")
    public TrainingRecord personRecord(@AuthenticationPrincipal AppUser user, @PathVariable long personId) {
        return records.of(user, personId);
    }

    @Operation(summary = "Per outlet and per person: the job standards not yet covered by a passed programme")
    @Roles.SignedIn
    @GetMapping("/gaps")
    public TrainingGaps gaps(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long outletId) {
        return records.gaps(user, outletId);
    }
}
