package com.serviceloop.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

/** Excel on a Chinese Windows saves CSV as GBK: such a file imports like UTF-8; a file in neither is refused whole. */
class CsvEncodingImportIntegrationTest extends ApiTest {
    private static final Charset GBK = Charset.forName("GBK");
    @Autowired JdbcClient jdbc;
    private Fixtures.Chain chain;
    private String admin;

    @BeforeEach
    void setUp() {
        admin = token(fixtures.admin());
        chain = fixtures.chain();
    }

    private ResultActions upload(String url, byte[] file) throws Exception {
        return call(multipart(url).file(new MockMultipartFile("file", "f.csv", "text/csv", file)), admin);
    }

    private String name(String member) {
        return jdbc.sql("SELECT name FROM customer WHERE member_no = :m").param("m", member).query(String.class).single();
    }

    private long customers() {
        return jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single();
    }

    @Test
    void aGbkFileAndAUtf8FileWithoutAByteOrderMarkImportTheirChineseNames() throws Exception {
        String m1 = Fixtures.unique("G"), m2 = Fixtures.unique("G");
        String a = chain.outletA().code();
        upload("/api/v1/customers/import", ("member_no,name,home_outlet_code\n" + m1 + ",王芳," + a + "\n").getBytes(GBK))
                .andExpect(status().isOk()).andExpect(jsonPath("$.inserted").value(1));
        upload("/api/v1/customers/import", ("member_no,name,home_outlet_code\n" + m2 + ",李娜," + a + "\n")
                .getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk()).andExpect(jsonPath("$.inserted").value(1));
        assertThat(name(m1)).isEqualTo("王芳");
        assertThat(name(m2)).isEqualTo("李娜");
        upload("/api/v1/visits/import", ("member_no,outlet_code,visited_at,amount,items,receipt_no\n" + m1 + "," + a
                + ",2026-11-02 10:00,12.50,1,R-" + m1 + "\n").getBytes(GBK)).andExpect(status().isOk())
                .andExpect(jsonPath("$.inserted").value(1));
    }

    @Test
    void aFileInNeitherEncodingIsRefusedNamingTheLineAndNothingIsStored() throws Exception {
        String a = chain.outletA().code();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(("member_no,name,home_outlet_code\n" + Fixtures.unique("G") + ",王芳," + a + "\n"
                + Fixtures.unique("G") + ",Li," + a + "\n" + Fixtures.unique("G") + ",").getBytes(GBK));
        file.write(new byte[] {(byte) 0xFF, (byte) 0xFF});
        file.write(("," + a + "\n").getBytes(StandardCharsets.US_ASCII));
        long before = customers();
        upload("/api/v1/customers/import", file.toByteArray()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("Line 4 ")));
        upload("/api/v1/visits/import", file.toByteArray()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        assertThat(customers()).isEqualTo(before);
    }

    @Test
    void aNulCharacterInAnImportIsRefusedNamingTheLineAndNothingIsStored() throws Exception {
        // PostgreSQL cannot hold NUL in text: before this check the import answered 500 there
        String a = chain.outletA().code();
        byte[] file = ("member_no,name,home_outlet_code\n" + Fixtures.unique("N") + ",Wang," + a + "\n"
                + Fixtures.unique("N") + ",Li\u0000Na," + a + "\n").getBytes(StandardCharsets.UTF_8);
        long before = customers();
        upload("/api/v1/customers/import", file).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("Line 3 contains a NUL character")));
        upload("/api/v1/visits/import", file).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        assertThat(customers()).isEqualTo(before);
    }
}
