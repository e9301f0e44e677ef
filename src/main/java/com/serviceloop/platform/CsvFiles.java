package com.serviceloop.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PushbackReader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** Reading and writing the CSV files people bring from spreadsheets and POS systems. */
public final class CsvFiles {
    private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();

    private static final Charset GB18030 = Charset.forName("GB18030");

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private CsvFiles() {
    }

    /**
     * A printer for an export: a UTF-8 byte-order mark first, so that Excel on a Chinese Windows
     * opens the file as UTF-8 instead of garbling the Chinese text.
     */
    public static CSVPrinter printer(Writer out) throws IOException {
        out.write('\uFEFF');
        return new CSVPrinter(out, WRITE);
    }

    /**
     * The cells of an export row with formula injection neutralised (OWASP): text that a spreadsheet
     * would run as a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading
     * apostrophe. Anyone with a public survey link can write such a text; plain numbers stay numbers.
     */
    public static Object[] safe(Object... cells) {
        Object[] out = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = cells[i] instanceof CharSequence text ? safeText(text.toString()) : cells[i];
        }
        return out;
    }

    static String safeText(String text) {
        if (text.isEmpty() || NUMBER.matcher(text).matches()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    /**
     * Opens a header-first CSV; header names are matched without regard to case or surrounding
     * blanks. The file may be UTF-8 (with or without Excel's byte-order mark) or GB18030, which
     * includes GBK: what Excel saves as "CSV" on a Chinese Windows. Each is decoded strictly, UTF-8
     * first; a file that is neither is refused naming the line, before any row is read, so nothing
     * is stored. Fails with a 400 naming the file when a required column is missing.
     */
    public static CSVParser open(InputStream in, Collection<String> required) throws IOException {
        Path copy = Files.createTempFile("serviceloop-import-", ".csv");
        Charset charset;
        try {
            long badUtf8Line;
            try (OutputStream out = Files.newOutputStream(copy)) {
                badUtf8Line = firstBadLine(in, StandardCharsets.UTF_8, out);
            }
            charset = StandardCharsets.UTF_8;
            if (badUtf8Line > 0) {
                long badGbLine;
                try (InputStream again = Files.newInputStream(copy)) {
                    badGbLine = firstBadLine(again, GB18030, OutputStream.nullOutputStream());
                }
                if (badGbLine > 0) {
                    // the reading that got further is the likelier encoding, and its stumble the line to fix
                    throw BadInputException.of("file", "error.platform.undecodable",
                            String.valueOf(Math.max(badUtf8Line, badGbLine)));
                }
                charset = GB18030;
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        CharsetDecoder strict = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var reader = new PushbackReader(new BufferedReader(new InputStreamReader(
                Files.newInputStream(copy, StandardOpenOption.DELETE_ON_CLOSE), strict), 1 << 16), 1);
        CSVParser parser;
        try {
            int first = reader.read();
            if (first != -1 && first != '\uFEFF') {
                reader.unread(first);
            }
            parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                    .setIgnoreEmptyLines(true).setIgnoreHeaderCase(true).setAllowMissingColumnNames(true).get()
                    .parse(reader);
        } catch (IOException | RuntimeException e) {
            reader.close(); // deletes the copy
            throw e;
        }
        Set<String> present = parser.getHeaderMap().keySet().stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (String column : required) {
            if (!present.contains(column)) {
                parser.close();
                throw BadInputException.of("file", "error.platform.missingColumn", column, String.join(", ", required));
            }
        }
        return parser;
    }

    /**
     * Reads the whole stream, copying it to {@code copy}, and answers the line (from 1) of the first
     * byte that is not {@code charset}, or 0 when every byte is. A newline byte never occurs inside
     * a UTF-8 or GB18030 character, so the decoded newlines count the lines.
     */
    static long firstBadLine(InputStream in, Charset charset, OutputStream copy) throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        long line = 1;
        boolean end = false;
        while (!end) {
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            end = n < 0;
            if (n > 0) {
                copy.write(bytes.array(), bytes.position(), n);
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
            CoderResult result;
            do {
                result = decoder.decode(bytes, chars, end);
                if (!result.isError() && end) {
                    result = decoder.flush(chars);
                }
                line = newlines(chars, line);
                if (result.isError()) {
                    in.transferTo(copy);
                    return line;
                }
            } while (result.isOverflow());
            bytes.compact();
        }
        return 0;
    }

    /** Counts on from {@code line}; a NUL is refused here because PostgreSQL cannot store it in text. */
    private static long newlines(CharBuffer chars, long line) {
        chars.flip();
        long at = line;
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (c == '\n') {
                at++;
            } else if (c == '\u0000') {
                throw BadInputException.of("file", "error.platform.nulInFile", String.valueOf(at));
            }
        }
        chars.clear();
        return at;
    }

    /** The value of a column, or null when the column is absent or the cell is empty; see {@link #safe}. */
    public static String cell(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String v = r.get(column);
        if (v == null || v.isBlank()) {
            return null;
        }
        // an exported cell comes back as it was before the export neutralised it ('+86 … → +86 …)
        return v.length() > 1 && v.charAt(0) == '\'' && "=+-@\t\r".indexOf(v.charAt(1)) >= 0 ? v.substring(1).strip() : v.strip();
    }
}
