package com.serviceloop.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

/** Chinese prints from the font inside the application, on a machine with no CJK font of its own. */
class PdfRendererTest {
    private static final String PAGE = """
            <html><head><style>body { font-family: 'ServiceLoop CJK', sans-serif; }</style></head>
            <body><h1>服务手册</h1><p>顾客进店30秒内问候 Greet within 30 seconds</p></body></html>""";

    private static String print(PdfRenderer renderer) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(PAGE, out);
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void withoutASystemFontTheBundledOnePrintsChinese() throws Exception {
        PdfRenderer renderer = new PdfRenderer(List.of("/nonexistent/font.ttf", ""), "http://localhost:8080");
        assertThat(renderer.systemFont()).isEmpty();
        String text = print(renderer);
        assertThat(text).contains("服务手册", "顾客进店30秒内问候", "Greet within 30 seconds").doesNotContain("#");
    }

    @Test
    void aReadableFileOnThePropertyIsUsedInstead(@TempDir Path dir) throws Exception {
        Path house = dir.resolve("house.ttf");
        try (InputStream in = new ClassPathResource(PdfRenderer.BUNDLED_FONT).getInputStream()) {
            Files.copy(in, house);
        }
        PdfRenderer renderer = new PdfRenderer(List.of("/nonexistent/font.ttf", house.toString()), "http://localhost:8080");
        assertThat(renderer.systemFont()).contains(house.toFile());
        assertThat(print(renderer)).contains("服务手册");
    }

    @Test
    void theFontShipsWithItsLicence() {
        assertThat(new ClassPathResource("fonts/NOTICE").exists()).isTrue();
        assertThat(new ClassPathResource("fonts/LICENSE-DroidSansFallback.txt").exists()).isTrue();
    }
}
