package com.serviceloop.knowledge;

import com.serviceloop.standard.StandardService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/** The service handbook per outlet type: a printable page, and the same content as a PDF. */
@Controller
class HandbookPage {
    private final HandbookService handbooks;
    private final StandardService standards;
    private final SpringTemplateEngine templates;
    private final PdfRenderer pdf;

    public HandbookPage(HandbookService handbooks, StandardService standards, SpringTemplateEngine templates,
                        PdfRenderer pdf) {
        this.handbooks = handbooks;
        this.standards = standards;
        this.templates = templates;
        this.pdf = pdf;
    }

    @GetMapping("/handbook")
    public String page(@RequestParam(required = false) String outletType, Model model) {
        List<String> types = standards.outletTypes();
        String chosen = outletType != null && types.contains(outletType) ? outletType
                : types.isEmpty() ? null : types.getFirst();
        model.addAttribute("outletTypes", types);
        model.addAttribute("outletType", chosen);
        model.addAttribute("handbook", chosen == null ? null : handbooks.handbook(chosen));
        return "knowledge/handbook";
    }

    @GetMapping("/handbook/{outletType}.pdf")
    public void pdf(@PathVariable String outletType, Locale locale, HttpServletResponse response) throws IOException {
        writePdf(handbooks, templates, pdf, outletType, locale, response);
    }

    static void writePdf(HandbookService handbooks, SpringTemplateEngine templates, PdfRenderer pdf, String outletType,
                         Locale locale, HttpServletResponse response) throws IOException {
        Context context = new Context(locale);
        context.setVariable("handbook", handbooks.handbook(outletType));
        String xhtml = templates.process("knowledge/handbook-pdf", context);
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"handbook-" + outletType + ".pdf\"");
        pdf.render(xhtml, response.getOutputStream());
    }
}
