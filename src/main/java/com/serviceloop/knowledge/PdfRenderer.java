package com.serviceloop.knowledge;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Turns a page rendered by Thymeleaf (well-formed XHTML) into a PDF. Chinese text needs a TrueType
 * font with CJK glyphs: the application ships Droid Sans Fallback (Apache License 2.0, see
 * {@code fonts/NOTICE}) so that PDFs print Chinese on a machine without any font package. A
 * readable file on {@code serviceloop.pdf.fonts} (comma-separated) is used instead, for a house font.
 */
@Component
public class PdfRenderer {
    static final String FONT_FAMILY = "ServiceLoop CJK";
    static final String BUNDLED_FONT = "fonts/DroidSansFallbackFull.ttf";
    private static final Logger log = LoggerFactory.getLogger(PdfRenderer.class);
    private final Optional<File> systemFont;
    /** Read once: the font is parsed from these bytes on every render, never from the jar again. */
    private final byte[] bundledFont;

    private final String baseUrl;

    public PdfRenderer(@Value("${serviceloop.pdf.fonts:}") List<String> candidates,
                       @Value("${serviceloop.base-url:http://localhost:8080}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.systemFont = candidates.stream().filter(c -> !c.isBlank()).map(File::new).filter(File::canRead).findFirst();
        this.bundledFont = systemFont.isPresent() ? new byte[0] : bundled();
        systemFont.ifPresent(f -> log.info("PDFs use the font {}", f));
    }

    private static byte[] bundled() {
        try (InputStream in = new ClassPathResource(BUNDLED_FONT).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The CJK font " + BUNDLED_FONT + " is missing from the application", e);
        }
    }

    /** The file in use when one on {@code serviceloop.pdf.fonts} was readable, else empty (the bundled font). */
    public Optional<File> systemFont() {
        return systemFont;
    }

    /** Relative addresses in the page resolve against serviceloop.base-url, never against a request's (forgeable) Host. */
    public void render(String xhtml, OutputStream out) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        if (systemFont.isPresent()) {
            builder.useFont(systemFont.get(), FONT_FAMILY);
        } else {
            FSSupplier<InputStream> font = () -> new ByteArrayInputStream(bundledFont);
            builder.useFont(font, FONT_FAMILY, 400, FontStyle.NORMAL, true);
        }
        builder.withHtmlContent(xhtml, baseUrl + "/");
        builder.toStream(out);
        builder.run();
    }
}
