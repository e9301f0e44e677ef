package com.serviceloop.audit;

import com.serviceloop.knowledge.PdfRenderer;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.ReportLanguage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
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

/** An audit's report as a PDF: the result page's content with the photos, through the handbook's renderer. */
@RestController
@Tag(name = "Audits")
class AuditReportPdf {
    /** The PDF renderer draws these; a WebP photo is named in the report but not drawn. */
    private static final Set<String> DRAWN = Set.of("image/jpeg", "image/png", "image/gif");
    private final Audits audits;
    private final AuditAnswers answers;
    private final CorrectiveActions actions;
    private final SpringTemplateEngine templates;
    private final PdfRenderer pdf;
    private final AuditFeeds feeds;

    AuditReportPdf(Audits audits, AuditAnswers answers, CorrectiveActions actions, SpringTemplateEngine templates,
                   PdfRenderer pdf, AuditFeeds feeds) {
        this.feeds = feeds;
        this.audits = audits;
        this.answers = answers;
        this.actions = actions;
        this.templates = templates;
        this.pdf = pdf;
    }

    @Operation(summary = "An audit's report as a PDF (lang zh or en; default: the reader's language), with its photos")
    @Roles.SignedIn
    @GetMapping("/api/v1/audits/{id}/report.pdf")
    public ResponseEntity<byte[]> report(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                         @RequestParam(required = false) String lang, Locale reader) throws IOException {
        Locale locale = language(lang, reader);
        AuditView view = audits.view(user, id);
        Map<Long, String> images = new LinkedHashMap<>();
        for (Photo p : view.photos()) {
            if (DRAWN.contains(p.contentType())) {
                AuditAnswers.PhotoContent c = answers.photo(user, id, p.id());
                images.put(p.id(), "data:" + c.contentType() + ";base64," + Base64.getEncoder().encodeToString(c.bytes()));
            }
        }
        Context context = new Context(locale);
        boolean zh = "zh".equals(locale.getLanguage());
        context.setVariable("v", view);
        context.setVariable("zh", zh);
        context.setVariable("images", images);
        context.setVariable("standardLines", feeds.standardLines(view));
        context.setVariable("items", view.form().items().collect(Collectors.toMap(FormItem::id, Function.identity())));
        List<CorrectiveAction> raised = actions.list(user, false, id, null);
        context.setVariable("actions", raised.stream().collect(Collectors.toMap(CorrectiveAction::itemId, Function.identity())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // rendered in full before anything is sent, so a failure answers with an error, not half a file
        pdf.render(templates.process("audit/report-pdf", context), out);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-" + id + "-" + locale.getLanguage() + ".pdf\"")
                .body(out.toByteArray());
    }

    static Locale language(String lang, Locale reader) {
        return ReportLanguage.of(lang, reader, "error.audit.reportLanguage");
    }
}
