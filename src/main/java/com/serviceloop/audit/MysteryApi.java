package com.serviceloop.audit;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.Download;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
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
@Validated
@RequestMapping("/api/v1/mystery")
@Tag(name = "Mystery shopping", description = "Programmes, shoppers' nicknames, the mystery-shop line of the dashboard, CSV")
class MysteryApi {
    private final MysteryProgrammes programmes;
    private final MysteryShoppers shoppers;
    private final MysteryFigures figures;

    MysteryApi(MysteryProgrammes programmes, MysteryShoppers shoppers, MysteryFigures figures) {
        this.programmes = programmes;
        this.shoppers = shoppers;
        this.figures = figures;
    }

    /** A programme with its quota progress by outlet and month, as far as the caller sees the outlets. */
    public record MysteryProgrammeView(MysteryProgramme programme, List<MysteryFigures.OutletQuota> progress) {
    }

    public record ShopperNicknameForm(@NotBlank @Size(max = 40) String nickname) {
    }

    @Operation(summary = "Mystery-shopping programmes, latest window first")
    @Roles.Oversight
    @GetMapping("/programmes")
    public List<MysteryProgramme> listProgrammes() {
        return programmes.list();
    }

    @Operation(summary = "Create a programme: objectives, audit form, scenarios, visit window, outlets, monthly quota")
    @Roles.ChainWide
    @PostMapping("/programmes")
    @ResponseStatus(HttpStatus.CREATED)
    public MysteryProgramme createProgramme(@AuthenticationPrincipal AppUser user, @Valid @RequestBody MysteryProgrammeForm form) {
        return programmes.create(user, form);
    }

    @Operation(summary = "A programme with its quota progress (visits planned and accepted per outlet and month)")
    @Roles.Oversight
    @GetMapping("/programmes/{id}")
    public MysteryProgrammeView getProgramme(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        MysteryProgramme p = programmes.get(id);
        return new MysteryProgrammeView(p, figures.progress(user, p));
    }

    @Operation(summary = "Replace a programme (every field; outlets and scenarios are replaced as given)")
    @Roles.ChainWide
    @PutMapping("/programmes/{id}")
    public MysteryProgramme updateProgramme(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                            @Valid @RequestBody MysteryProgrammeForm form) {
        return programmes.update(user, id, form);
    }

    @Operation(summary = "People with the shopper role and their nicknames (reports show the nickname only)")
    @Roles.ChainWide
    @GetMapping("/shoppers")
    public List<MysteryShoppers.MysteryShopper> listShoppers() {
        return shoppers.list();
    }

    @Operation(summary = "Set a shopper's nickname, unique in the chain")
    @Roles.ChainWide
    @PutMapping("/shoppers/{shopperId}")
    public MysteryShoppers.MysteryShopper setNickname(@PathVariable long shopperId, @Valid @RequestBody ShopperNicknameForm form) {
        return shoppers.nickname(shopperId, form.nickname());
    }

    @Operation(summary = "Mystery-shop scores per month (accepted visits, by visit time) of a unit, kept apart from audits")
    @Roles.Oversight
    @GetMapping("/dashboard")
    public List<MysteryFigures.MysteryMonth> mysteryDashboard(@AuthenticationPrincipal AppUser user,
                                                       @RequestParam(required = false) Long unitId,
                                                       @RequestParam(defaultValue = "12") @Min(1) @Max(36) int months) {
        return figures.monthly(user, unitId, months);
    }

    @Operation(summary = "Accepted visits' results as CSV (shoppers by nickname)")
    @Roles.Oversight
    @GetMapping(value = "/export", produces = "text/csv")
    public void exportMystery(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) Long programmeId,
                              HttpServletResponse response) throws IOException {
        figures.export(user, programmeId, Download.csv(response, "mystery-shopping.csv"));
    }
}
