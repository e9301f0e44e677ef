package com.serviceloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.serviceloop.organisation.ApiTokenService;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.platform.XlsxDownload;
import java.io.ByteArrayInputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Base of the API tests: real HTTP semantics through MockMvc, authenticated with real API tokens. */
// runs again on PostgreSQL in the build's second test execution (pom.xml: postgres-test)
@Tag("db")
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureMetrics
public abstract class ApiTest {
    @Autowired protected MockMvc mvc;
    @Autowired protected ObjectMapper json;
    @Autowired protected Fixtures fixtures;
    @Autowired protected ApiTokenService tokens;

    protected String token(AppUser user) {
        return tokens.issue("test", user.id()).secret();
    }

    protected ResultActions call(AbstractMockHttpServletRequestBuilder<?> request, String token) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token).accept(MediaType.APPLICATION_JSON));
    }

    protected ResultActions getJson(String url, String token) throws Exception {
        return call(get(url), token);
    }

    protected ResultActions postJson(String url, String token, Object body) throws Exception {
        return call(post(url).contentType(MediaType.APPLICATION_JSON).content(body instanceof String s ? s
                : json.writeValueAsString(body)), token);
    }

    protected ResultActions putJson(String url, String token, Object body) throws Exception {
        return call(put(url).contentType(MediaType.APPLICATION_JSON).content(body instanceof String s ? s
                : json.writeValueAsString(body)), token);
    }

    protected ResultActions deleteJson(String url, String token) throws Exception {
        return call(delete(url), token);
    }

    /**
     * A PUT body that names every field of the form, as a PUT must: the fields not given are sent as
     * null (cleared), {@code version} only when given.
     */
    protected static Map<String, Object> whole(Class<? extends Record> form, Map<String, ?> given) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (RecordComponent c : form.getRecordComponents()) {
            if (given.containsKey(c.getName()) || !c.getName().equals("version")) {
                body.put(c.getName(), given.get(c.getName()));
            }
        }
        given.forEach(body::putIfAbsent);
        return body;
    }

    /**
     * An Excel download's first sheet as values: text as String, numbers as Double, date cells as LocalDateTime,
     * booleans as Boolean, empty cells as null; the header row first.
     */
    protected List<List<Object>> xlsx(String url, String token) throws Exception {
        var res = mvc.perform(get(url).header("Authorization", "Bearer " + token)).andReturn().getResponse();
        assertThat(res.getStatus()).as(url).isEqualTo(200);
        assertThat(res.getContentType()).isEqualTo(XlsxDownload.CONTENT_TYPE);
        List<List<Object>> rows = new ArrayList<>();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(res.getContentAsByteArray()))) {
            for (Row row : wb.getSheetAt(0)) {
                List<Object> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    Cell c = row.getCell(i);
                    cells.add(c == null ? null : switch (c.getCellType()) {
                        case NUMERIC -> DateUtil.isCellDateFormatted(c) ? c.getLocalDateTimeCellValue() : c.getNumericCellValue();
                        case BOOLEAN -> c.getBooleanCellValue();
                        case BLANK -> null;
                        default -> c.getStringCellValue();
                    });
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    protected JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
