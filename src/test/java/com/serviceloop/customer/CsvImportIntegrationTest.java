package com.serviceloop.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

class CsvImportIntegrationTest extends ApiTest {
    private Fixtures.Chain chain;
    private String admin;

    @BeforeEach
    void setUp() {
        admin = token(fixtures.admin());
        chain = fixtures.chain();
    }

    private JsonNode upload(String url, String csv) throws Exception {
        return body(call(multipart(url).file(new MockMultipartFile("file", "f.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))), admin).andExpect(status().isOk()));
    }

    @Test
    void customerImportKeepsGoodRowsReportsBadOnesAndDoesNotDuplicate() throws Exception {
        String a = chain.outletA().code();
        String m1 = Fixtures.unique("C"), m2 = Fixtures.unique("C"), m3 = Fixtures.unique("C");
        // a byte-order mark, as Excel writes it; header in another case and order
        String csv = "\uFEFFName,MEMBER_NO,home_outlet_code,age_band,would_recommend,consent_contact,email\n"
                + "Li Na," + m1 + "," + a + ",AGE_25_34,9,yes,li@example.com\n"          // line 2: good
                + "No outlet," + Fixtures.unique("C") + ",NOPE,,,,\n"                      // line 3: unknown outlet
                + "Bad band," + Fixtures.unique("C") + "," + a + ",ANCIENT,,,\n"           // line 4: bad enum
                + "\"Chen, Wei\"," + m2 + "," + a + ",,10,no,\n"                          // line 5: good, quoted comma
                + "," + Fixtures.unique("C") + "," + a + ",,,,\n"                          // line 6: no name
                + "Too keen," + Fixtures.unique("C") + "," + a + ",,11,,\n"                // line 7: out of range
                + "Bad mail," + Fixtures.unique("C") + "," + a + ",,,,not-an-email\n"      // line 8: bad email
                + "Maybe," + Fixtures.unique("C") + "," + a + ",,,perhaps,\n"              // line 9: bad yes/no
                + "周晓明," + m3 + "," + a + ",,,,\n";                                     // line 10: good
        JsonNode report = upload("/api/v1/customers/import", csv);
        assertThat(report.get("rowsRead").asLong()).isEqualTo(9);
        assertThat(report.get("inserted").asLong()).isEqualTo(3);
        assertThat(report.get("rejected").asLong()).isEqualTo(6);
        JsonNode errors = report.get("errors");
        assertThat(errors.findValuesAsString("line")).containsExactly("3", "4", "6", "7", "8", "9");
        assertThat(errors.findValuesAsString("field")).containsExactly("home_outlet_code", "age_band", "name",
                "would_recommend", "email", "consent_contact");

        getJson("/api/v1/customers?q=" + m2, admin).andExpect(jsonPath("$.items[0].name").value("Chen, Wei"))
                .andExpect(jsonPath("$.items[0].wouldRecommend").value(10));
        getJson("/api/v1/customers?q=" + m1, admin).andExpect(jsonPath("$.items[0].ageBand").value("AGE_25_34"))
                .andExpect(jsonPath("$.items[0].consentContact").value(true));

        JsonNode again = upload("/api/v1/customers/import", csv);
        assertThat(again.get("inserted").asLong()).isZero();
        assertThat(again.get("updated").asLong()).isEqualTo(3);
        getJson("/api/v1/customers?q=" + m1, admin).andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void importedCustomersReachTheSegmentFiguresAtOnce() throws Exception {
        String a = chain.outletA().code(), b = chain.outletB().code();
        String m1 = Fixtures.unique("C"), m2 = Fixtures.unique("C");
        upload("/api/v1/customers/import", "member_no,name,home_outlet_code,would_recommend\n"
                + m1 + ",Wang Fang," + a + ",3\n" + m2 + ",Zhao Lei," + a + ",\n");
        assertThat(segmentCustomers(chain.outletA().id())).isEqualTo(2);
        assertThat(segmentCustomers(chain.region().id())).isEqualTo(2);

        // the same member moves to outlet B: both outlets and the region above them are recounted
        upload("/api/v1/customers/import", "member_no,name,home_outlet_code,would_recommend\n" + m1 + ",Wang Fang," + b + ",9\n");
        assertThat(segmentCustomers(chain.outletA().id())).isEqualTo(1);
        assertThat(segmentCustomers(chain.outletB().id())).isEqualTo(1);
        assertThat(segmentCustomers(chain.region().id())).isEqualTo(2);
    }

    private long segmentCustomers(long unitId) throws Exception {
        return body(getJson("/api/v1/segments?unitId=" + unitId, admin).andExpect(status().isOk()))
                .get("total").get("customers").asLong();
    }

    @Test
    void aFileWithoutRequiredColumnsIsRefusedWhole() throws Exception {
        call(multipart("/api/v1/customers/import").file(new MockMultipartFile("file", "f.csv", "text/csv",
                "name,phone\nLi,123\n".getBytes(StandardCharsets.UTF_8))), admin)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        call(multipart("/api/v1/customers/import"), admin).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        postJson("/api/v1/visits/import", admin, "{}").andExpect(status().isUnsupportedMediaType());
        call(MockMvcRequestBuilders.post("/api/v1/visits/import")
                .contentType("multipart/form-data; boundary=xyz").content("not a multipart body"), admin)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
    }

    @Test
    void visitImportChecksEveryLineAndSkipsWhatIsAlreadyThere() throws Exception {
        String member = Fixtures.unique("V");
        fixtures.customer(fixtures.admin(), chain.outletA().id(), "Visitor", member);
        String a = chain.outletA().code();
        LocalDate d = LocalDate.now().minusDays(10);
        String csv = "member_no,outlet_code,visited_at,amount,items,receipt_no\n"
                + member + "," + a + "," + d + ",25.50,2,\n"                        // 2 good
                + member + "," + a + "," + d + " 15:30,12.00,1,R-1\n"               // 3 good, with receipt
                + "NOBODY," + a + "," + d + ",1.00,1,\n"                              // 4 unknown member
                + member + ",ZZZ," + d + ",1.00,1,\n"                                 // 5 unknown outlet
                + member + "," + a + ",yesterday,1.00,1,\n"                           // 6 bad date
                + member + "," + a + "," + d + ",-3,1,\n"                             // 7 negative amount
                + member + "," + a + "," + d + ",1.00,two,\n"                         // 8 bad items
                + member + "," + a + "," + LocalDate.now().plusDays(5) + ",1.00,1,\n" // 9 future
                + member + "," + a + "," + d + ",25.50,2,\n"                        // 10 same as line 2
                + member + "," + a + "," + d.minusDays(1) + ",9.99,1,R-1\n";          // 11 same receipt as line 3
        JsonNode report = upload("/api/v1/visits/import", csv);
        assertThat(report.get("rowsRead").asLong()).isEqualTo(10);
        assertThat(report.get("inserted").asLong()).isEqualTo(2);
        assertThat(report.get("duplicates").asLong()).isEqualTo(2);
        assertThat(report.get("rejected").asLong()).isEqualTo(6);
        assertThat(report.get("errors").findValuesAsString("line")).containsExactly("4", "5", "6", "7", "8", "9");
        assertThat(report.get("errors").findValuesAsString("field")).containsExactly("member_no", "outlet_code",
                "visited_at", "amount", "items", "visited_at");

        JsonNode again = upload("/api/v1/visits/import", csv);
        assertThat(again.get("inserted").asLong()).isZero();
        assertThat(again.get("duplicates").asLong()).isEqualTo(4);

        long id = body(getJson("/api/v1/customers?q=" + member, admin)).get("items").get(0).get("id").asLong();
        getJson("/api/v1/customers/" + id + "/visits", admin).andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void exportReadsBackAsTheSameCustomers() throws Exception {
        String member = Fixtures.unique("E");
        String csv = "member_no,name,home_outlet_code,phone,gender,income_band,values,consent_survey\n"
                + member + ",\"Export, Round Trip\"," + chain.outletA().code() + ",+86 21 5555 0000,MALE,HIGH,\"Cares about \"\"price\"\"\",true\n";
        assertThat(upload("/api/v1/customers/import", csv).get("inserted").asLong()).isEqualTo(1);
        String exported = mvc.perform(get("/api/v1/customers/export").header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // a byte-order mark first: Excel on a Chinese Windows then reads the file as UTF-8
        assertThat(exported).startsWith("\uFEFF" + String.join(",", CustomerCsv.COLUMNS));
        String line = exported.lines().filter(l -> l.startsWith(member)).findFirst().orElseThrow();
        // a leading + is neutralised for spreadsheets on the way out and restored on the way back in
        assertThat(line).contains("\"Export, Round Trip\"", "'+86 21 5555 0000", "MALE", "HIGH", "\"Cares about \"\"price\"\"\"");
        // the Excel twin: the same columns, the same neutralised phone, the consent a real boolean
        List<List<Object>> sheet = xlsx("/api/v1/customers/export.xlsx", admin);
        assertThat(sheet.getFirst()).containsExactlyElementsOf(CustomerCsv.COLUMNS);
        List<Object> row = sheet.stream().filter(r -> member.equals(r.getFirst())).findFirst().orElseThrow();
        assertThat(row.get(1)).isEqualTo("Export, Round Trip");
        assertThat(row.get(2)).isEqualTo("'+86 21 5555 0000");
        assertThat(row.get(CustomerCsv.COLUMNS.indexOf("consent_survey"))).isEqualTo(true);

        JsonNode reimport = upload("/api/v1/customers/import", CustomerCsv.COLUMNS.stream()
                .reduce((x, y) -> x + "," + y).orElseThrow() + "\n" + line + "\n");
        assertThat(reimport.get("rejected").asLong()).isZero();
        assertThat(reimport.get("updated").asLong()).isEqualTo(1);
        getJson("/api/v1/customers?q=" + member, admin).andExpect(jsonPath("$.items[0].valuesNote").value("Cares about \"price\""))
                .andExpect(jsonPath("$.items[0].consentSurvey").value(true))
                .andExpect(jsonPath("$.items[0].phone").value("+86 21 5555 0000"));
    }
}
