package com.serviceloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.Role;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.GroupCommit;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

/** Group commit of public responses: many at once are all stored, once each, and a bad one spoils no other. */
class ResponseWriterIntegrationTest extends ApiTest {
    @Autowired SurveyRepository surveys;
    @Autowired ResponseWriter writer;
    @Autowired JdbcClient jdbc;

    private long postVisit() {
        return surveys.byCode("post-visit").orElseThrow().id();
    }

    private String link(String managerToken, long outletId) throws Exception {
        return body(postJson("/api/v1/surveys/" + postVisit() + "/links", managerToken,
                Map.of("outletId", outletId, "channel", "QR")).andExpect(status().isCreated())).get("token").asText();
    }

    private long count(String sql, String token) {
        return jdbc.sql(sql).param("t", token).query(Long.class).single();
    }

    @Test
    void concurrentResponsesAreEachStoredOnceAndReplaysAreRefused() throws Exception {
        fixtures.admin();
        Fixtures.Chain chain = fixtures.chain();
        String manager = token(fixtures.person(Role.MANAGER, chain.outletA().id()));
        String link = link(manager, chain.outletA().id());
        List<Question> questions = surveys.questions(postVisit());
        long rating = questions.stream().filter(q -> q.qtype() == QuestionType.SCALE_5).findFirst().orElseThrow().id();

        // 240 distinct responses, and 40 of their keys sent a second time, all at once from 24 threads
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            keys.add("concurrent-key-" + i);
        }
        List<String> sends = new ArrayList<>(keys);
        sends.addAll(keys.subList(0, 40));
        ExecutorService pool = Executors.newFixedThreadPool(24);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        List<Future<?>> done = new ArrayList<>();
        for (String key : sends) {
            done.add(pool.submit(() -> {
                MvcResult r = mvc.perform(post("/api/v1/public/surveys/" + link + "/responses")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answers\":{\"" + rating + "\":4},\"submissionKey\":\"" + key + "\"}")).andReturn();
                statuses.merge(r.getResponse().getStatus(), 1, Integer::sum);
                if (r.getResponse().getStatus() == 201) {
                    ids.add(json.readTree(r.getResponse().getContentAsString()).get("id").asLong());
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        assertThat(statuses).containsOnlyKeys(201, 409);
        assertThat(statuses.get(201)).isEqualTo(240);
        assertThat(statuses.get(409)).isEqualTo(40);
        assertThat(ids).hasSize(240);
        assertThat(count("SELECT COUNT(*) FROM survey_response WHERE link_token = :t", link)).isEqualTo(240);
        assertThat(count("SELECT COUNT(DISTINCT submission_key) FROM survey_response WHERE link_token = :t", link)).isEqualTo(240);
        assertThat(count("""
                SELECT COUNT(*) FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
                WHERE r.link_token = :t AND a.question_id = %d AND a.num_value = 4""".formatted(rating), link)).isEqualTo(240);
        List<Long> stored = jdbc.sql("SELECT id FROM survey_response WHERE link_token = :t").param("t", link)
                .query(Long.class).list();
        assertThat(new HashSet<>(stored)).isEqualTo(ids);
    }

    @Test
    void aReplayInABatchIsRefusedAloneAndTheOthersAreStored() throws Exception {
        fixtures.admin();
        Fixtures.Chain chain = fixtures.chain();
        String manager = token(fixtures.person(Role.MANAGER, chain.outletA().id()));
        String link = link(manager, chain.outletA().id());
        long question = surveys.questions(postVisit()).getFirst().id();
        var answers = List.of(new AnswerCheck.Answer(question, BigDecimal.valueOf(5), null));
        writer.store(response(link, chain.outletA().id(), "already-stored-key", answers)); // autocommit: no transaction

        List<GroupCommit.Pending<ResponseWriter.NewResponse, Long>> batch = new ArrayList<>();
        for (String key : List.of("batch-key-1", "already-stored-key", "batch-key-2")) {
            batch.add(new GroupCommit.Pending<>(response(link, chain.outletA().id(), key, answers)));
        }
        writer.flush(batch);

        assertThat(batch.get(0).result().get()).isPositive();
        assertThat(batch.get(2).result().get()).isPositive();
        assertThatThrownBy(() -> batch.get(1).result().get()).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ConflictException.class).hasMessageContaining("already been received");
        assertThat(count("SELECT COUNT(*) FROM survey_response WHERE link_token = :t", link)).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM survey_answer a JOIN survey_response r ON r.id = a.response_id "
                + "WHERE r.link_token = :t", link)).isEqualTo(3);
    }

    private ResponseWriter.NewResponse response(String link, long outlet, String key, List<AnswerCheck.Answer> answers) {
        return new ResponseWriter.NewResponse(postVisit(), outlet, link, "QR", null, null, "en", true,
                BigDecimal.valueOf(100), OffsetDateTime.now(), key, answers);
    }
}
