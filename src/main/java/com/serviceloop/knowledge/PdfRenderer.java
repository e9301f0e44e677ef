package com.serviceloop.knowledge;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns a page rendered by Thymeleaf (well-formed XHTML) into a PDF. Chinese text needs a TrueType
 * font with CJK glyphs; the first one found on {@code serviceloop.pdf.fonts} is embedded (Debian:
 * package fonts-droid-fallback). Without one, Latin text still prints and a warning is logged.
 */
@Component
public class PdfRenderer {
    static final String FONT_FAMILY = "ServiceLoop CJK";
    private static final Logger log = LoggerFactory.getLogger(PdfRenderer.class);
    private final Optional<File> font;

    public PdfRenderer(@Value("${serviceloop.pdf.fonts:/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf,"
            + "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf,/usr/share/fonts/truetype/arphic-bkai00mp/bkai00mp.ttf}")
                       List<String> candidates) {
        this.font = candidates.stream().map(File::new).filter(File::canRead).findFirst();
        if (font.isEmpty()) {
            log.warn("No CJK font found at {}; Chinese text in PDFs will not show. Install fonts-droid-fallback.", candidates);
        }
    }

    public boolean hasCjkFont() {
        return font.isPresent();
    }

    public void render(String xhtml, String baseUri, OutputStream out) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        font.ifPresent(f -> builder.useFont(f, FONT_FAMILY));
        builder.withHtmlContent(xhtml, baseUri);
        builder.toStream(out);
        builder.run();
    }
}
