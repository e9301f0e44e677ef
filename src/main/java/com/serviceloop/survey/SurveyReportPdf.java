package com.serviceloop.survey;

import com.serviceloop.knowledge.PdfRenderer;
import com.serviceloop.platform.ReportLanguage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/** A survey report as a PDF download, through the same Thymeleaf-to-PDF path as the handbook. */
@Component
class SurveyReportPdf {
    private final SpringTemplateEngine templates;
    private final PdfRenderer pdf;

    public SurveyReportPdf(SpringTemplateEngine templates, PdfRenderer pdf) {
        this.templates = templates;
        this.pdf = pdf;
    }

    /** The report's language: {@code lang} when given (zh or en), else the reader's. */
    public static Locale language(String lang, Locale reader) {
        return ReportLanguage.of(lang, reader, "error.survey.reportLanguage");
    }

    /** Rendered in full before anything is sent, so a failure answers with an error, not half a file. */
    public ResponseEntity<byte[]> download(SurveyReports.Report report, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("report", report);
        context.setVariable("zh", "zh".equals(locale.getLanguage()));
        context.setVariable("worstItems", SurveyReports.WORST_ITEMS);
        context.setVariable("commentCount", SurveyReports.COMMENTS);
        String xhtml = templates.process("survey/report-pdf", context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            pdf.render(xhtml, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + report.fileName() + "\"")
                .body(out.toByteArray());
    }
}
