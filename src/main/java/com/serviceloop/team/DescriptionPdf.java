package com.serviceloop.team;

import com.serviceloop.knowledge.PdfRenderer;
import com.serviceloop.standard.StandardService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/** A job description printed to PDF in the reader's language, through the handbook's renderer and font. */
@Component
class DescriptionPdf {
    private final DescriptionService descriptions;
    private final StandardService standards;
    private final SpringTemplateEngine templates;
    private final PdfRenderer pdf;

    DescriptionPdf(DescriptionService descriptions, StandardService standards, SpringTemplateEngine templates,
                   PdfRenderer pdf) {
        this.descriptions = descriptions;
        this.standards = standards;
        this.templates = templates;
        this.pdf = pdf;
    }

    void write(long jobId, Locale locale, HttpServletResponse response) throws IOException {
        Description d = descriptions.current(jobId, locale);
        Context context = new Context(locale);
        context.setVariable("d", d);
        context.setVariable("areas", standards.areas());
        String xhtml = templates.process("team/description-pdf", context);
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"job-" + jobId + "-" + locale.getLanguage()
                + ".pdf\"");
        pdf.render(xhtml, response.getOutputStream());
    }
}
