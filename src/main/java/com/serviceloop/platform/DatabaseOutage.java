package com.serviceloop.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.util.HtmlUtils;

/**
 * The database cannot be reached (stopped, restarting, failed over, every pooled connection busy
 * past the pool's timeout). That is not the request's fault and not a bug: it is answered 503 with
 * Retry-After instead of 500, so that a survey page or an API client tries again, and load
 * balancers and monitors see "unavailable" rather than "broken". The pool reconnects by itself.
 */
public final class DatabaseOutage {
    /** Seconds a client is asked to wait: a PostgreSQL restart or fail-over takes a few seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    /**
     * True when the failure, or anything it wraps, means the database was unreachable. Spring's
     * translation depends on where it surfaced: a pool timeout is CannotGetJdbcConnectionException
     * (a DataAccessResourceFailureException) or CannotCreateTransactionException at the start of a
     * transaction; a connection dropped mid-statement (SQLState 08…, or 57P0x when PostgreSQL shuts
     * down) is DataAccessResourceFailureException; a commit that loses its connection may arrive
     * wrapped in a TransactionSystemException, hence the walk down to the SQLException. When the
     * connection drops mid-transaction, the rollback fails too (HikariCP's "Connection is closed",
     * no SQLState) and that failure is thrown instead of the first one — seen from the survey
     * writer while PostgreSQL shut down. The transaction manager translates what it can, so a
     * commit or rollback failing as a bare SQLException means the connection is gone.
     */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransactionSystemException tse && (tse.getCause() instanceof SQLException
                    || tse.getApplicationException() != null && isCause(tse.getApplicationException()))) {
                return true;
            }
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessResourceException || t instanceof QueryTimeoutException
                    || t instanceof RecoverableDataAccessException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** The answer outside MVC (a filter): problem+json for the API, a short page in the reader's language otherwise. */
    static void answer(HttpServletRequest request, HttpServletResponse response, MessageSource messages, Locale locale)
            throws IOException {
        if (isApi(request)) {
            response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            ApiErrors.writeJson(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service unavailable",
                    detail(messages, locale));
        } else {
            writePage(response, messages, locale);
        }
    }

    static String detail(MessageSource messages, Locale locale) {
        return messages.getMessage("error.platform.databaseDown", null, Messages.english("error.platform.databaseDown"),
                locale);
    }

    /**
     * A page of its own rather than the site's layout: the layout reads the signed-in person,
     * whose session lives in the database that is down. It reloads itself after Retry-After.
     */
    static void writePage(HttpServletResponse response, MessageSource messages, Locale locale) throws IOException {
        String title = HtmlUtils.htmlEscape(messages.getMessage("unavailable.title", null, "Please try again shortly", locale));
        String text = HtmlUtils.htmlEscape(messages.getMessage("unavailable.text", null,
                "ServiceLoop cannot reach its database at the moment.", locale));
        String retry = HtmlUtils.htmlEscape(messages.getMessage("unavailable.retry",
                new Object[] {RETRY_AFTER_SECONDS}, "Try again", locale));
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <meta http-equiv="refresh" content="%d"><title>%s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5}</style>
                </head><body><h1>%s</h1><p>%s</p><p><a href="">%s</a></p></body></html>
                """.formatted(locale.getLanguage(), RETRY_AFTER_SECONDS, title, title, text, retry));
    }
}
