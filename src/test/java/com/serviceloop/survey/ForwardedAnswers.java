package com.serviceloop.survey;

import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A real server (Tomcat's RemoteIpValve runs only there) and public answers sent with an X-Forwarded-For header. */
// runs again on PostgreSQL in the build's second test execution (pom.xml: postgres-test)
@Tag("db")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ForwardedAnswers {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired SurveyLinks links;
    @Autowired SurveyRepository surveys;
    String token;
    List<Question> questions;

    @BeforeEach
    void link() {
        fixtures.admin();
        Fixtures.Chain chain = fixtures.chain();
        AppUser manager = fixtures.person(Role.MANAGER, chain.outletA().id());
        long survey = surveys.byCode("post-visit").orElseThrow().id();
        token = links.create(manager, survey, new SurveyLinks.LinkForm(chain.outletA().id(), "QR", false, null)).token();
        questions = surveys.questions(survey);
    }

    static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198.51." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    int answer(String forwardedFor) throws Exception {
        StringBuilder answers = new StringBuilder();
        for (Question q : questions) {
            if (q.qtype().isNumeric()) {
                answers.append(answers.isEmpty() ? "" : ",").append('"').append(q.id()).append("\":").append(q.qtype().max());
            }
        }
        String body = "{\"answers\":{" + answers + "},\"submissionKey\":\"" + Fixtures.unique("fwd-key") + "\"}";
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/public/surveys/" + token
                        + "/responses")).header("Content-Type", "application/json").header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
