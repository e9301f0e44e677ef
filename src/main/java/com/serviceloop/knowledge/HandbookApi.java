package com.serviceloop.knowledge;

import com.serviceloop.organisation.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.spring6.SpringTemplateEngine;

@RestController
@RequestMapping("/api/v1/handbook")
@Tag(name = "Knowledge", description = "The service handbook generated from standards and blueprints")
class HandbookApi {
    private final HandbookService handbooks;
    private final SpringTemplateEngine templates;
    private final PdfRenderer pdf;

    public HandbookApi(HandbookService handbooks, SpringTemplateEngine templates, PdfRenderer pdf) {
        this.handbooks = handbooks;
        this.templates = templates;
        this.pdf = pdf;
    }

    @Roles.SignedIn
    @GetMapping("/{outletType}")
    public Handbook handbook(@PathVariable String outletType) {
        return handbooks.handbook(outletType);
    }

    @Operation(summary = "The handbook as a PDF, in the language of Accept-Language (or ?lang=)")
    @Roles.SignedIn
    @GetMapping(value = "/{outletType}/pdf", produces = "application/pdf")
    public void pdf(@PathVariable String outletType, Locale locale, HttpServletResponse response) throws IOException {
        HandbookPage.writePdf(handbooks, templates, pdf, outletType, locale, response);
    }
}
