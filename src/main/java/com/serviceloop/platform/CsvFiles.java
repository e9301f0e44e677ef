package com.serviceloop.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
     * Opens a header-first CSV (UTF-8, an Excel byte-order mark tolerated); header names are
     * matched without regard to case or surrounding blanks. Fails with a 400 naming the file when a
     * required column is missing.
     */
    public static CSVParser open(InputStream in, Collection<String> required) throws IOException {
        var reader = new PushbackReader(
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16), 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setIgnoreHeaderCase(true).setAllowMissingColumnNames(true).get()
                .parse(reader);
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
