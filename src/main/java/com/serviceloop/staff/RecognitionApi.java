package com.serviceloop.staff;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.BadInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/recognition")
@Tag(name = "Recognition", description = "Daily recognition notes to a person or a team, walls and suggestions")
class RecognitionApi {
    private final Recognitions notes;
    private final RecognitionSuggestions suggestions;
    private final StaffSettings settings;

    RecognitionApi(Recognitions notes, RecognitionSuggestions suggestions, StaffSettings settings) {
        this.notes = notes;
        this.suggestions = suggestions;
        this.settings = settings;
    }

    @Operation(summary = "Write a recognition note to a person or a team in the caller's outlets (managers; colleagues "
            + "too when the chain allows it)")
    @Roles.FrontLine
    @PostMapping("/notes")
    @ResponseStatus(HttpStatus.CREATED)
    public RecognitionNote writeRecognitionNote(@AuthenticationPrincipal AppUser user, @Valid @RequestBody RecognitionForm form) {
        return notes.write(user, form);
    }

    @Operation(summary = "One recognition note written at an outlet of the caller's")
    @Roles.SignedIn
    @GetMapping("/notes/{id}")
    public RecognitionNote recognitionNote(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return notes.get(user, id);
    }

    @Operation(summary = "The notes the caller has received, newest first")
    @Roles.SignedIn
    @GetMapping("/mine")
    public List<RecognitionNote> myRecognition(@AuthenticationPrincipal AppUser user) {
        return notes.mine(user, 100);
    }

    @Operation(summary = "A wall: the last notes to a team and its members, or the last notes at an outlet")
    @Roles.SignedIn
    @GetMapping("/wall")
    public List<RecognitionNote> recognitionWall(@AuthenticationPrincipal AppUser user,
                                                 @RequestParam(required = false) Long teamId,
                                                 @RequestParam(required = false) Long outletId) {
        if (teamId != null) {
            return notes.teamWall(user, teamId);
        }
        if (outletId == null) {
            throw BadInputException.of("outletId", "error.staff.wallWhich");
        }
        return notes.outletWall(user, outletId);
    }

    @Operation(summary = "Praise cases and high-scoring survey comments of the last 30 days that name a person and no note "
            + "points at yet")
    @Roles.Managers
    @GetMapping("/suggestions")
    public List<RecognitionSuggestions.Suggestion> recognitionSuggestions(@AuthenticationPrincipal AppUser user) {
        return suggestions.forManager(user);
    }

    @Operation(summary = "The chain's staff-feedback settings")
    @Roles.SignedIn
    @GetMapping("/settings")
    public StaffSettings.Values staffSettings() {
        return settings.current();
    }

    @Operation(summary = "Change the staff-feedback settings: colleagues may write notes, names hidden from staff on the "
            + "boards, the minimum of events for a rank (a field left out keeps its value)")
    @Roles.ChainWide
    @PatchMapping("/settings")
    public StaffSettings.Values updateStaffSettings(@Valid @RequestBody StaffSettingsForm form) {
        return settings.update(form);
    }
}
