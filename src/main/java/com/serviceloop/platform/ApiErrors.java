package com.serviceloop.platform;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.ObjectMapper;

/**
 * Every API error is a problem+json body; input errors list the offending fields as
 * {@code errors: [{field, message}]}. No stack trace ever leaves the server.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MessageSource messages;

    public ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** A refusal in the caller's language (Accept-Language or the language cookie) when it is keyed, else as raised. */
    private String worded(RuntimeException e) {
        return Messages.refusal(e, messages, LocaleContextHolder.getLocale());
    }

    /** ApiErrors' own wording: English unless the caller asked for another language. */
    private String say(String key, Object... args) {
        return messages.getMessage(key, args, Messages.english(key, args), LocaleContextHolder.getLocale());
    }

    public record FieldError(String field, String message) {
    }

    @ExceptionHandler(BindException.class)
    ProblemDetail invalid(BindException e) {
        // a value that could not be converted says what the field expects, not the Java type it failed to become
        List<FieldError> errors = e.getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.isBindingFailure()
                        ? ExpectedForm.refusal(e.getFieldType(f.getField()), messages, LocaleContextHolder.getLocale())
                        : f.getDefaultMessage())).toList();
        return badRequest(errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalid(ConstraintViolationException e) {
        return badRequest(e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList());
    }

    @ExceptionHandler(BadInputException.class)
    ProblemDetail invalid(BadInputException e) {
        return badRequest(List.of(new FieldError(e.field(), worded(e))));
    }

    @ExceptionHandler(WholeRecordUpdates.Incomplete.class)
    ProblemDetail incomplete(WholeRecordUpdates.Incomplete e) {
        return badRequest(e.fields().stream().map(f -> new FieldError(f, say("error.platform.missingField"))).toList());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JacksonException j && !j.getPath().isEmpty()) {
            String field = j.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return badRequest(List.of(new FieldError(field, ExpectedForm.forJson(j, messages, LocaleContextHolder.getLocale()))));
        }
        String detail = e.getCause() instanceof StreamConstraintsException ? say("error.platform.tooDeep")
                : say("error.platform.unreadableBody");
        return badRequest(List.of(new FieldError("body", detail)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        String value = String.valueOf(e.getValue());
        return badRequest(List.of(new FieldError(e.getName(), NoNulCharacters.hasNul(value) ? say("error.platform.nul")
                : ExpectedForm.refusal(e.getRequiredType(), messages, LocaleContextHolder.getLocale()))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return badRequest(List.of(new FieldError(e.getParameterName(), say("error.platform.required"))));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missing(MissingServletRequestPartException e) {
        return badRequest(List.of(new FieldError(e.getRequestPartName(), say("error.platform.required"))));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, say("error.platform.tooLarge"));
        p.setTitle("Too large");
        return p;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("Not found");
        return p;
    }

    @ExceptionHandler({ConflictException.class, OptimisticLockingFailureException.class})
    ProblemDetail conflict(RuntimeException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, worded(e));
        p.setTitle("Conflict");
        return p;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, say("error.platform.forbidden"));
        p.setTitle("Forbidden");
        return p;
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail notMultipart(MultipartException e) {
        return badRequest(List.of(new FieldError("file", say("error.platform.notMultipart"))));
    }

    /** The client went away mid-answer (a closed tab, a lost phone signal): nothing to answer, nothing to page anyone for. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e) {
        log.debug("Client went away: {}", e.getMessage());
    }

    /**
     * The database is unreachable (see {@link DatabaseOutage}, which alone decides what counts, also
     * when it comes wrapped): 503 with Retry-After, so that the client sends the same request again;
     * nothing was acknowledged, so nothing is lost.
     */
    private ResponseEntity<ProblemDetail> unavailable(Exception e) {
        log.warn("Database unreachable, answered 503: {}", e.getMessage());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                say("error.platform.databaseDown"));
        p.setTitle("Service unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS)).body(p);
    }

    /** The object store failed (see {@link StoreUnavailableException}): 503, as for the database; the operator reads the cause in the log. */
    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<ProblemDetail> storeDown(StoreUnavailableException e) {
        log.warn("Object store failed, answered 503: {}", e.getMessage());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, say("error.platform.storeDown"));
        p.setTitle("Service unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS)).body(p);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse known) {
            // Spring's own answers (unknown path 404, wrong method 405, wrong media type 415) keep their status
            return ResponseEntity.status(known.getStatusCode()).body(known.getBody());
        }
        if (DatabaseOutage.isCause(e)) {
            return unavailable(e);
        }
        log.error("Unexpected error", e);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                say("error.platform.unexpected"));
        p.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(p);
    }

    static ProblemDetail badRequest(List<FieldError> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")));
        p.setTitle("Invalid input");
        p.setProperty("errors", errors);
        return p;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** A 400 naming one field, written where no controller is at hand (a filter); the same body as {@link #badRequest}. */
    public static void writeFieldError(HttpServletResponse res, String field, String message) throws IOException {
        res.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        res.setContentType("application/problem+json");
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        var body = Map.of("status", 400, "title", "Invalid input", "detail", field + ": " + message,
                "errors", List.of(new FieldError(field, message)));
        res.getWriter().write(JSON.writeValueAsString(body));
    }

    public static void writeJson(HttpServletResponse res, int status, String title, String detail) throws IOException {
        res.setStatus(status);
        res.setContentType("application/problem+json");
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        var body = Map.of("status", status, "title", title, "detail", detail);
        res.getWriter().write(JSON.writeValueAsString(body));
    }
}
