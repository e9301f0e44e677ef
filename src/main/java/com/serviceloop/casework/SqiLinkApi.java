package com.serviceloop.casework;

import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sqi/standard-links")
@Tag(name = "Case indicators")
class SqiLinkApi {
    private final SqiStandardLinks links;

    SqiLinkApi(SqiStandardLinks links) {
        this.links = links;
    }

    @Schema(name = "SqiStandardLinkForm")
    record LinkForm(@NotBlank @Size(max = 32) String failureCode) {
    }

    @Operation(summary = "Standards whose misses (in audits, or measured) count as SQI failure events, with their type")
    @Roles.SignedIn
    @GetMapping
    public List<SqiStandardLinks.Link> sqiStandardLinks() {
        return links.list();
    }

    @Operation(summary = "Count every miss of this standard as one failure event of this type (replaces its link)")
    @Roles.ChainWide
    @PutMapping("/{standardId}")
    public SqiStandardLinks.Link linkStandardToFailure(@PathVariable long standardId, @Valid @RequestBody LinkForm form) {
        return links.link(standardId, form.failureCode());
    }

    @Operation(summary = "Stop counting this standard's misses in the SQI (events already counted stay)")
    @Roles.ChainWide
    @DeleteMapping("/{standardId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void unlinkStandardFromFailure(@PathVariable long standardId) {
        if (!links.unlink(standardId)) {
            throw new NotFoundException("Link of standard", standardId);
        }
    }
}
