package com.serviceloop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Import files in UTF-8 (with or without a byte-order mark) and in GBK/GB18030 read alike; anything else is refused by line. */
class CsvEncodingTest {
    private static final String FILE = "member_no,name\nM1,王芳\nM2,李娜\n";

    private static List<String> names(byte[] bytes) throws IOException {
        try (CSVParser csv = CsvFiles.open(new ByteArrayInputStream(bytes), List.of("member_no", "name"))) {
            return csv.getRecords().stream().map((CSVRecord r) -> CsvFiles.cell(r, "name")).toList();
        }
    }

    @Test
    void utf8WithAndWithoutAByteOrderMarkAndGbkReadTheSame() throws IOException {
        assertThat(names(FILE.getBytes(StandardCharsets.UTF_8))).containsExactly("王芳", "李娜");
        assertThat(names(("\uFEFF" + FILE).getBytes(StandardCharsets.UTF_8))).containsExactly("王芳", "李娜");
        assertThat(names(FILE.getBytes(Charset.forName("GBK")))).containsExactly("王芳", "李娜");
        assertThat(names(FILE.getBytes(Charset.forName("GB18030")))).containsExactly("王芳", "李娜");
    }

    @Test
    void aFileThatIsNeitherIsRefusedNamingTheLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("member_no,name\nM1,Li\nM2,".getBytes(StandardCharsets.US_ASCII));
        bytes.write(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0x80});
        bytes.write("\n".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> names(bytes.toByteArray())).isInstanceOfSatisfying(BadInputException.class, e -> {
            assertThat(e.field()).isEqualTo("file");
            assertThat(e.getMessage()).startsWith("Line 3 ");
        });
    }

    @Test
    void theLineOfAStumbleInAGbkFileIsTheOneCounted() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("member_no,name\nM1,王芳\nM2,李娜\n".getBytes(Charset.forName("GBK")));
        bytes.write("M3,".getBytes(StandardCharsets.US_ASCII));
        bytes.write(new byte[] {(byte) 0xFF});
        assertThatThrownBy(() -> names(bytes.toByteArray())).isInstanceOfSatisfying(BadInputException.class,
                e -> assertThat(e.getMessage()).startsWith("Line 4 "));
        // a long file: the line count carries across the reader's 64 KB chunks
        StringBuilder many = new StringBuilder("member_no,name\n");
        for (int i = 1; i <= 20_000; i++) {
            many.append("M").append(i).append(",顾客").append(i).append('\n');
        }
        assertThat(names(many.toString().getBytes(Charset.forName("GBK")))).hasSize(20_000).last().isEqualTo("顾客20000");
        ByteArrayOutputStream broken = new ByteArrayOutputStream();
        broken.write(many.toString().getBytes(StandardCharsets.UTF_8));
        broken.write(new byte[] {(byte) 0xFF, '\n'});
        assertThatThrownBy(() -> names(broken.toByteArray())).isInstanceOfSatisfying(BadInputException.class,
                e -> assertThat(e.getMessage()).startsWith("Line 20002 "));
    }
}
