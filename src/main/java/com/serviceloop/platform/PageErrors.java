package com.serviceloop.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Pages answer an unknown or out-of-scope record with a plain 404 page, like the API does, and an
 * unreachable database with a short 503 page that reloads itself (see {@link DatabaseOutage}), a
 * failing object store with the site's error page saying so.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PageErrors {
    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);
    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(404);
        model.addAttribute("status", 404);
        return "error";
    }

    @ExceptionHandler(ConflictException.class)
    String conflict(ConflictException e, HttpServletResponse response, Model model, Locale locale) {
        response.setStatus(409);
        model.addAttribute("status", 409);
        model.addAttribute("detail", Messages.refusal(e, messages, locale));
        return "error";
    }

    @ExceptionHandler(StoreUnavailableException.class)
    String storeDown(StoreUnavailableException e, HttpServletResponse response, Model model, Locale locale) {
        log.warn("Object store failed, answered 503: {}", e.getMessage());
        response.setStatus(503);
        response.setHeader("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
        model.addAttribute("status", 503);
        model.addAttribute("detail", messages.getMessage("error.platform.storeDown", null, locale));
        return "error";
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            TransientDataAccessResourceException.class, QueryTimeoutException.class, RecoverableDataAccessException.class})
    void unavailable(Exception e, HttpServletResponse response, Locale locale) throws IOException {
        log.warn("Database unreachable, answered 503: {}", e.getMessage());
        DatabaseOutage.writePage(response, messages, locale);
    }
}
