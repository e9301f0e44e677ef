package com.serviceloop.survey;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.TableWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Responses as CSV, one row per response and one column per question (q1, q2 … by position).
 * Rows are streamed as the database returns them, so a large export does not sit in memory.
 */
@Service
class SurveyExports {
    private final JdbcClient jdbc;
    private final OrgService org;
    private final SurveyRepository surveys;
    private final ZoneId zone;

    public SurveyExports(JdbcClient jdbc, OrgService org, SurveyRepository surveys,
                         @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.org = org;
        this.surveys = surveys;
        this.zone = ZoneId.of(zone);
    }

    /** One row per response, one column per question, streamed as CSV or Excel. */
    public void export(AppUser user, long surveyId, SurveyAnalysis.Filter f, TableWriter.Opener open) throws IOException {
        List<Question> questions = surveys.questions(surveyId);
        Map<Long, Integer> column = new HashMap<>();
        List<String> header = new ArrayList<>(List.of("response_id", "submitted_at", "outlet", "channel", "customer_id",
                "language", "complete", "satisfaction"));
        for (int i = 0; i < questions.size(); i++) {
            column.put(questions.get(i).id(), i);
            header.add("q" + questions.get(i).position());
        }
        OutletScope scope = org.scopeOf(user);
        ResponseWhere w = ResponseWhere.of(surveyId, f, scope, zone);
        // answers arrive grouped by response: each response's row is written when the next one starts
        Object[][] row = {null};
        long[] current = {-1};
        try (TableWriter csv = open.apply(header)) {
            scope.bind(jdbc.sql("""
                    SELECT r.id, r.submitted_at, o.code, r.channel, r.customer_id, r.language, r.complete, r.satisfaction,
                           a.question_id, a.num_value, a.text_value
                    FROM survey_response r LEFT JOIN org_unit o ON o.id = r.outlet_id
                    LEFT JOIN survey_answer a ON a.response_id = r.id WHERE""" + w.sql() + " ORDER BY r.id"))
                    .params(w.params()).query(rs -> {
                        long id = rs.getLong(1);
                        if (id != current[0]) {
                            print(csv, row[0]);
                            row[0] = new Object[8 + questions.size()];
                            current[0] = id;
                            Object[] r = row[0];
                            r[0] = id;
                            r[1] = rs.getObject(2, OffsetDateTime.class).atZoneSameInstant(zone).toLocalDateTime();
                            r[2] = rs.getString(3);
                            r[3] = rs.getString(4);
                            r[4] = rs.getObject(5);
                            r[5] = rs.getString(6);
                            r[6] = rs.getBoolean(7);
                            r[7] = rs.getBigDecimal(8);
                        }
                        Integer c = column.get(rs.getLong(9));
                        if (c != null) {
                            var number = rs.getBigDecimal(10);
                            row[0][8 + c] = number != null ? number.stripTrailingZeros() : rs.getString(11);
                        }
                    });
            print(csv, row[0]);
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the client went away
        }
    }

    private static void print(TableWriter out, Object[] row) {
        if (row != null) {
            out.row(row);
        }
    }
}
