package com.serviceloop.platform;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.Filter;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/**
 * What PostgreSQL being down looks like to the app, as Spring hands it over, answered 503 with
 * Retry-After by the API, by pages and by the filter in front of the session (not 500).
 */
class DatabaseOutageTest {
    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    /** The failure to raise, per test; set before each request. */
    private static Supplier<RuntimeException> failure;

    static Stream<Supplier<RuntimeException>> outages() {
        return Stream.of(
                () -> new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLException("Connection is not available, request timed out after 2000ms", "08001")),
                () -> new CannotCreateTransactionException("Could not open JDBC Connection for transaction"),
                () -> new DataAccessResourceFailureException("An I/O error occurred while sending to the backend"),
                () -> new TransientDataAccessResourceException("survey-writer: not stored in time"),
                () -> new QueryTimeoutException("canceling statement due to statement timeout"),
                () -> new TransactionSystemException("Could not commit JDBC transaction",
                        new SQLException("terminating connection due to administrator command", "57P01")),
                () -> new IllegalStateException("wrapped", new DataAccessResourceFailureException("connection refused")),
                DatabaseOutageTest::rollbackFailedAfterTheConnectionDropped,
                // a commit that lost its connection, then its rollback too: the commit's failure is only logged
                () -> new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed")));
    }

    /** What the survey writer saw when PostgreSQL shut down mid-batch: the rollback's failure, the real one aside. */
    private static RuntimeException rollbackFailedAfterTheConnectionDropped() {
        TransactionSystemException e = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        e.initApplicationException(new DataAccessResourceFailureException(
                "PreparedStatementCallback; FATAL: terminating connection due to administrator command"));
        return e;
    }

    @RestController
    static class FailingApi {
        @PostMapping("/api/v1/things")
        String post() {
            throw failure.get();
        }
    }

    @Controller
    static class FailingPage {
        @GetMapping("/things")
        String page() {
            throw failure.get();
        }
    }

    private MockMvc mvc(Filter... filters) {
        return MockMvcBuilders.standaloneSetup(new FailingApi(), new FailingPage())
                .setControllerAdvice(new ApiErrors(MESSAGES), new PageErrors(MESSAGES))
                .setLocaleResolver(new FixedLocaleResolver(Locale.CHINESE))
                .addFilters(filters).build();
    }

    @ParameterizedTest
    @MethodSource("outages")
    void theApiAnswers503WithRetryAfter(Supplier<RuntimeException> outage) throws Exception {
        failure = outage;
        mvc().perform(post("/api/v1/things"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS)))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("数据库")));
    }

    @ParameterizedTest
    @MethodSource("outages")
    void pagesAnswer503WithAShortPageInTheReadersLanguage(Supplier<RuntimeException> outage) throws Exception {
        failure = outage;
        mvc(new DatabaseOutageFilter(MESSAGES, localeResolver())).perform(get("/things"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS)))
                .andExpect(content().string(Matchers.containsString("ServiceLoop 暂时连不上数据库")));
    }

    /** Loading the session or an API token happens in filters, before MVC and its advice. */
    @ParameterizedTest
    @MethodSource("outages")
    void aFailureInAFilterIsAnswered503Too(Supplier<RuntimeException> outage) throws Exception {
        Filter session = (request, response, chain) -> {
            throw outage.get();
        };
        mvc(new DatabaseOutageFilter(MESSAGES, localeResolver()), session).perform(post("/api/v1/things"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS)))
                .andExpect(jsonPath("$.title").value("Service unavailable"));
        mvc(new DatabaseOutageFilter(MESSAGES, localeResolver()), session).perform(get("/things"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(Matchers.containsString("<html lang=\"zh\">")));
    }

    @Test
    void otherFailuresAreNotTakenForAnOutage() throws Exception {
        failure = () -> new IllegalStateException("a bug");
        mvc().perform(post("/api/v1/things")).andExpect(status().isInternalServerError());
    }

    private static ObjectProvider<LocaleResolver> localeResolver() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("localeResolver", new FixedLocaleResolver(Locale.CHINESE));
        return beans.getBeanProvider(LocaleResolver.class);
    }
}
