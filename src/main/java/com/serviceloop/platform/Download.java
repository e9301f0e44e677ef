package com.serviceloop.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The writer of a CSV download that becomes a download only with its first character. An export
 * checks what it may export (an outlet outside the caller's scope, an unknown survey) before it
 * writes; a refusal met until then still answers as a JSON problem, where a response already set up
 * as a CSV attachment, its writer taken, answered 500 with an empty file.
 */
public final class Download extends Writer {
    private final HttpServletResponse response;
    private final String filename;
    private Writer out;

    private Download(HttpServletResponse response, String filename) {
        this.response = response;
        this.filename = filename;
    }

    public static Writer csv(HttpServletResponse response, String filename) {
        return new Download(response, filename);
    }

    /** An Excel download of one sheet with a header row; see {@link XlsxDownload}. */
    public static XlsxDownload xlsx(HttpServletResponse response, String filename, String sheet, List<String> header) {
        return new XlsxDownload(response, filename, sheet, header);
    }

    private Writer out() throws IOException {
        if (out == null) {
            response.setContentType("text/csv;charset=UTF-8");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
            out = response.getWriter();
        }
        return out;
    }

    @Override
    public void write(char[] text, int offset, int length) throws IOException {
        out().write(text, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        out().write(text, offset, length);
    }

    @Override
    public void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
