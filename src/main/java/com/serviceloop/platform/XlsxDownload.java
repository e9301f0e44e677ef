package com.serviceloop.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A streamed Excel (xlsx) download: at most {@link #WINDOW} rows stay in memory, the rest go to a
 * temporary file until {@link #close} writes the workbook out. Numbers are number cells, dates and
 * times date cells, and text that a spreadsheet would run as a formula is neutralised as in CSV
 * exports. Like {@link Download#csv}, the response becomes an attachment only when the workbook is
 * written, so a refusal met while rows are gathered still answers as a JSON problem.
 */
public final class XlsxDownload implements TableWriter {
    public static final int WINDOW = 100;
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final HttpServletResponse response;
    private final String filename;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final SXSSFSheet sheet;
    private final CellStyle dateTime;
    private final CellStyle date;
    private int next;

    XlsxDownload(HttpServletResponse response, String filename, String sheetName, List<String> header) {
        this.response = response;
        this.filename = filename;
        this.sheet = workbook.createSheet(sheetName);
        short dateTimeFormat = workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm");
        short dateFormat = workbook.createDataFormat().getFormat("yyyy-mm-dd");
        dateTime = workbook.createCellStyle();
        dateTime.setDataFormat(dateTimeFormat);
        date = workbook.createCellStyle();
        date.setDataFormat(dateFormat);
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row row = sheet.createRow(next++);
        for (int i = 0; i < header.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(header.get(i));
            cell.setCellStyle(bold);
        }
        sheet.createFreezePane(0, 1);
    }

    /** One row; null leaves a cell blank. */
    @Override
    public void row(Object... cells) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < cells.length; i++) {
            Object v = cells[i];
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            switch (v) {
                case BigDecimal d -> cell.setCellValue(d.doubleValue());
                case Number n -> cell.setCellValue(n.doubleValue());
                case Boolean b -> cell.setCellValue(b);
                case LocalDateTime t -> {
                    cell.setCellValue(t);
                    cell.setCellStyle(dateTime);
                }
                case OffsetDateTime t -> {
                    cell.setCellValue(t.toLocalDateTime());
                    cell.setCellStyle(dateTime);
                }
                case LocalDate d -> {
                    cell.setCellValue(d);
                    cell.setCellStyle(date);
                }
                default -> cell.setCellValue(CsvFiles.safeText(v.toString()));
            }
        }
    }

    /** Writes the workbook to the response and removes the temporary files. */
    @Override
    public void close() throws IOException {
        try {
            response.setContentType(CONTENT_TYPE);
            response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
            try (OutputStream out = response.getOutputStream()) {
                workbook.write(out);
            }
        } finally {
            workbook.close(); // also deletes the row window's temporary files
        }
    }
}
