package com.serviceloop.survey;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The built-in instruments (classpath {@code surveys/*.json}), installed once per database at
 * start-up: the survey code is unique, so when several instances start together one installs each
 * survey and the others skip it.
 */
@Component
// before other start-up work: the demo chain answers these surveys
@Order(Ordered.HIGHEST_PRECEDENCE)
class SurveyLibrary implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(SurveyLibrary.class);
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final TransactionTemplate tx;

    public SurveyLibrary(JdbcClient jdbc, ObjectMapper json, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.json = json;
        this.tx = tx;
    }

    /** A question as the library describes it, before it has an id. */
    record Draft(String sectionEn, String sectionZh, QuestionType type, String en, String zh, String optionsEn,
                 String optionsZh, boolean required, Dimension dimension, String side, Integer item, String purpose) {
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:surveys/*.json")) {
            try (InputStream in = r.getInputStream()) {
                install(json.readTree(in));
            }
        }
    }

    void install(JsonNode s) {
        String code = s.get("code").asText();
        if (jdbc.sql("SELECT COUNT(*) FROM survey WHERE code = :c").param("c", code).query(Long.class).single() > 0) {
            return;
        }
        List<Draft> questions = SurveyKind.SERVQUAL.is(s.get("kind").asText()) ? servqual(s)
                : s.has("sections") ? rated(s) : plain(s);
        try {
            tx.executeWithoutResult(status -> {
                var keys = new GeneratedKeyHolder();
                jdbc.sql("""
                        INSERT INTO survey (code, kind, title_en, title_zh, intro_en, intro_zh, case_threshold, builtin)
                        VALUES (:code, :kind, :ten, :tzh, :ien, :izh, :threshold, TRUE)""")
                        .param("code", code).param("kind", s.get("kind").asText())
                        .param("ten", s.at("/title/en").asText()).param("tzh", s.at("/title/zh").asText())
                        .param("ien", text(s.at("/intro/en"))).param("izh", text(s.at("/intro/zh")))
                        .param("threshold", s.has("caseThreshold") ? s.get("caseThreshold").decimalValue() : null)
                        .update(keys, "id");
                long id = keys.getKey().longValue();
                int position = 1;
                for (Draft q : questions) {
                    jdbc.sql("""
                            INSERT INTO survey_question (survey_id, position, section_en, section_zh, qtype, text_en, text_zh,
                                options_en, options_zh, required, dimension, side, item_no, purpose)
                            VALUES (:s, :p, :sen, :szh, :t, :en, :zh, :oen, :ozh, :req, :dim, :side, :item, :purpose)""")
                            .param("s", id).param("p", position++).param("sen", q.sectionEn()).param("szh", q.sectionZh())
                            .param("t", q.type().name()).param("en", q.en()).param("zh", q.zh())
                            .param("oen", q.optionsEn()).param("ozh", q.optionsZh()).param("req", q.required())
                            .param("dim", q.dimension() == null ? null : q.dimension().name()).param("side", q.side())
                            .param("item", q.item()).param("purpose", q.purpose()).update();
                }
            });
            log.info("Installed the built-in survey '{}' ({} questions)", code, questions.size());
        } catch (DuplicateKeyException e) {
            log.debug("Survey '{}' was installed by another instance", code);
        }
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    private static List<Draft> plain(JsonNode s) {
        List<Draft> out = new ArrayList<>();
        for (JsonNode q : s.get("questions")) {
            JsonNode options = q.get("options");
            out.add(new Draft(null, null, QuestionType.valueOf(q.get("type").asText()), q.get("en").asText(),
                    q.get("zh").asText(), options == null ? null : lines(options.get("en")),
                    options == null ? null : lines(options.get("zh")), q.path("required").asBoolean(false), null, null,
                    null, text(q.path("purpose"))));
        }
        return out;
    }

    /** Every item twice, expectation then perception, on a 7-point scale; then 100 points of importance. */
    private static List<Draft> servqual(JsonNode s) {
        List<Draft> out = new ArrayList<>();
        for (String side : List.of("EXPECTATION", "PERCEPTION")) {
            JsonNode section = s.get(side.equals("EXPECTATION") ? "expectationSection" : "perceptionSection");
            int item = 1;
            for (JsonNode i : s.get("items")) {
                out.add(new Draft(section.get("en").asText(), section.get("zh").asText(), QuestionType.SCALE_7,
                        i.get("en").asText(), i.get("zh").asText(), null, null, false,
                        Dimension.valueOf(i.get("dimension").asText()), side, item++, null));
            }
        }
        JsonNode section = s.get("importanceSection");
        for (Dimension d : Dimension.values()) {
            JsonNode t = s.at("/importance/" + d.name());
            out.add(new Draft(section.get("en").asText(), section.get("zh").asText(), QuestionType.POINTS,
                    t.get("en").asText(), t.get("zh").asText(), null, null, false, d, "IMPORTANCE", null, null));
        }
        return out;
    }

    /**
     * Sections of 1–7 statements, each on a dimension, with a side and a number within its side: the
     * managers' and staff surveys of the five-gap view. Their PREDICTED items carry the SERVQUAL item
     * numbers, so that they line up with the customers' expectations.
     */
    private static List<Draft> rated(JsonNode s) {
        List<Draft> out = new ArrayList<>();
        for (JsonNode section : s.get("sections")) {
            String side = section.get("side").asText();
            for (JsonNode i : section.get("items")) {
                out.add(new Draft(section.get("en").asText(), section.get("zh").asText(), QuestionType.SCALE_7,
                        i.get("en").asText(), i.get("zh").asText(), null, null, false,
                        Dimension.valueOf(i.get("dimension").asText()), side, i.get("item").asInt(), null));
            }
        }
        return out;
    }

    private static String lines(JsonNode array) {
        List<String> l = new ArrayList<>();
        array.forEach(n -> l.add(n.asText()));
        return String.join("\n", l);
    }
}
