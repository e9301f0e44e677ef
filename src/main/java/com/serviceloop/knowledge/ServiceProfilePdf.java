package com.serviceloop.knowledge;

import com.serviceloop.customer.ProfileFigures;
import com.serviceloop.customer.ServiceProfile;
import com.serviceloop.customer.ServiceProfileService;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.ReportLanguage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * An outlet's service profile to print, through the handbook's Thymeleaf-to-PDF path. It lives here
 * and not in the customer module because the PDF renderer does, and knowledge already reads customer.
 */
@RestController
@Tag(name = "Service profiles")
class ServiceProfilePdf {
    private final ServiceProfileService profiles;
    private final ProfileFigures figures;
    private final SpringTemplateEngine templates;
    private final PdfRenderer pdf;
    private final Clock clock;

    ServiceProfilePdf(ServiceProfileService profiles, ProfileFigures figures, SpringTemplateEngine templates,
                      PdfRenderer pdf, Clock clock) {
        this.profiles = profiles;
        this.figures = figures;
        this.templates = templates;
        this.pdf = pdf;
        this.clock = clock;
    }

    @Operation(summary = "An outlet's service profile with its measured customer mix and needs review, as a PDF (lang=zh|en)")
    @Roles.SignedIn
    @GetMapping("/api/v1/outlets/{outletId}/service-profile.pdf")
    public ResponseEntity<byte[]> download(@AuthenticationPrincipal AppUser user, @PathVariable long outletId,
                                           @RequestParam(required = false) String lang, Locale reader) {
        Locale locale = language(lang, reader);
        ServiceProfile profile = profiles.outlet(user, outletId, null);
        Context context = new Context(locale);
        context.setVariable("sp", profile);
        context.setVariable("spMix", figures.actualMix(user, outletId));
        context.setVariable("spSilhouette", figures.silhouette(user, outletId));
        context.setVariable("spNeeds", figures.needs(user, outletId));
        context.setVariable("printedOn", LocalDate.now(clock).toString());
        String xhtml = templates.process("knowledge/service-profile-pdf", context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            pdf.render(xhtml, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"service-profile-" + outletId + "-" + locale.getLanguage() + ".pdf\"")
                .body(out.toByteArray());
    }

    /** {@code lang} when given (zh or en), else the reader's language. */
    static Locale language(String lang, Locale reader) {
        return ReportLanguage.of(lang, reader, "error.knowledge.pdfLanguage");
    }
}
