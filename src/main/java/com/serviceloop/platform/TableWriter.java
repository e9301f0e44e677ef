package com.serviceloop.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVPrinter;

/**
 * The rows of an export, written as they are read, whatever the file: one exporter serves its CSV and its Excel
 * download. Both neutralise text a spreadsheet would run as a formula; Excel also keeps numbers and dates typed.
 */
public interface TableWriter extends AutoCloseable {

    /** One row; null leaves a cell empty. */
    void row(Object... cells);

    @Override
    void close() throws IOException;

    /** Opens the export once the exporter has checked what it may export, with its header row. */
    interface Opener extends Function<List<String>, TableWriter> {
    }

    /** A CSV download ({@code name}.csv) or an Excel one ({@code name}.xlsx, one sheet named {@code sheet}). */
    static Opener download(HttpServletResponse response, String name, boolean excel, String sheet) {
        return header -> excel ? Download.xlsx(response, name + ".xlsx", sheet, header)
                : csv(Download.csv(response, name + ".csv"), header);
    }

    /** CSV rows on a writer (through {@link CsvFiles#safe}). */
    static TableWriter csv(Writer out, List<String> header) {
        try {
            CSVPrinter printer = CsvFiles.printer(out);
            printer.printRecord(header);
            return new TableWriter() {
                @Override
                public void row(Object... cells) {
                    for (int i = 0; i < cells.length; i++) {
                        // 10 stays "10", never "1E+1"
                        cells[i] = cells[i] instanceof BigDecimal d ? d.toPlainString() : cells[i];
                    }
                    try {
                        printer.printRecord(CsvFiles.safe(cells));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e); // the client went away
                    }
                }

                @Override
                public void close() throws IOException {
                    printer.flush();
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
