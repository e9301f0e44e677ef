package com.serviceloop.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reading and writing the CSV files people bring from spreadsheets and POS systems. */
public final class CsvFiles {
    public static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();

    private CsvFiles() {
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

    /** The value of a column, or null when the column is absent or the cell is empty. */
    public static String cell(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String v = r.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
