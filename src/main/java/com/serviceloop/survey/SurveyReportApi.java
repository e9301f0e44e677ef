package com.serviceloop.survey;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/surveys")
@Tag(name = "Surveys", description = "Instruments, public links and the satisfaction figures")
class SurveyReportApi {
    private final SurveyReports reports;
    private final SurveyReportPdf pdf;

    public SurveyReportApi(SurveyReports reports, SurveyReportPdf pdf) {
        this.reports = reports;
        this.pdf = pdf;
    }

    @Operation(summary = "The survey's report as a PDF for an outlet, a region or everything in scope, over a period "
            + "(the last full month unless from/to are given), in zh or en (lang, else Accept-Language)")
    @Roles.Oversight
    @GetMapping("/{id}/report.pdf")
    public ResponseEntity<byte[]> report(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                         @RequestParam(required = false) Long outletId,
                                         @RequestParam(required = false) Long regionId,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                         @RequestParam(required = false) String lang, Locale locale) {
        Locale language = SurveyReportPdf.language(lang, locale);
        var report = reports.report(user, id, outletId, regionId, from, to, "zh".equals(language.getLanguage()));
        return pdf.download(report, language);
    }
}
