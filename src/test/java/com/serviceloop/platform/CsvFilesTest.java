package com.serviceloop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Export cells a spreadsheet would run as a formula are neutralised; everything else is left as it is. */
class CsvFilesTest {

    @Test
    void anExportedCellReadsBackAsItWasBeforeTheExport() throws IOException {
        String file = "name,phone\n'=1+1,'+86 138 0000 0000\nO'Brien,'not a formula\n";
        try (CSVParser csv = CsvFiles.open(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), List.of("name"))) {
            List<CSVRecord> rows = csv.getRecords();
            assertThat(CsvFiles.cell(rows.get(0), "name")).isEqualTo("=1+1");
            assertThat(CsvFiles.cell(rows.get(0), "phone")).isEqualTo("+86 138 0000 0000");
            assertThat(CsvFiles.cell(rows.get(1), "name")).isEqualTo("O'Brien");
            assertThat(CsvFiles.cell(rows.get(1), "phone")).isEqualTo("'not a formula");
        }
    }

    @Test
    void formulaLikeTextGetsALeadingApostropheAndNumbersDoNot() {
        assertThat(CsvFiles.safe("=1+1", "+86 138", "-cmd", "@SUM(A1)", "\tx", "\rx", "plain", "价格 = 10", "", null,
                "-12.5", "42", BigDecimal.valueOf(-3), 7L))
                .containsExactly("'=1+1", "'+86 138", "'-cmd", "'@SUM(A1)", "'\tx", "'\rx", "plain", "价格 = 10", "", null,
                        "-12.5", "42", BigDecimal.valueOf(-3), 7L);
    }
}
