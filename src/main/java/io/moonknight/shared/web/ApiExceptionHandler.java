package io.moonknight.shared.web;

import io.moonknight.shared.web.ProblemException.FieldError;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.core.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure of a REST controller into an RFC 9457 problem detail. Client mistakes always get a
 * 4xx naming the field; only a genuine server fault answers 500.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(0)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        var response = ResponseEntity.status(e.status());
        Long retryAfter = e.retryAfterSeconds();
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        }
        return response.body(e.toProblemDetail());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        var errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return problem(ProblemException.invalidFields(errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> required = e.getRequiredType();
        String expected = required == null ? "a valid value" : describe(required);
        return problem(ProblemException.invalidField(e.getName(), "must be " + expected));
    }

    /** A multipart request the server cannot split into parts: no boundary, a truncated body, a bad part header. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException e) {
        return problem(new ProblemException(
                HttpStatus.BAD_REQUEST,
                "malformed-multipart",
                "Malformed multipart body",
                "The request body is not valid multipart/form-data (a boundary, a part header or the closing"
                        + " boundary is missing)"));
    }

    @ExceptionHandler(PropertyReferenceException.class)
    ResponseEntity<ProblemDetail> badSort(PropertyReferenceException e) {
        return problem(ProblemException.invalidField("sort", "unknown property '" + e.getPropertyName() + "'"));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
        // Value objects validate in their constructors; what reaches here is a bad value from the client.
        var problem = new ProblemException(
                HttpStatus.BAD_REQUEST, "invalid-value", "Invalid value", String.valueOf(e.getMessage()));
        return problem(problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException e) {
        return problem(ProblemException.conflict(
                "concurrent-modification", "Someone else changed this resource at the same time; reload and retry"));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        log.info(
                "Integrity violation answered with 409: {}",
                e.getMostSpecificCause().getMessage());
        return problem(ProblemException.conflict("conflict", "The request conflicts with existing data"));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void securityFailure(RuntimeException e) {
        // Let Spring Security's entry point and access-denied handler answer with the right status.
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred; it has been logged");
        problem.setType(URI.create(ProblemException.TYPE_BASE + "internal-error"));
        problem.setTitle("Internal error");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    /** Problems raised by Spring MVC itself carry "about:blank"; give them MoonKnight's stable types. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(String.valueOf(problem.getType())))) {
            problem.setType(ProblemException.typeFor(statusCode));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getFieldErrors().forEach(f -> errors.add(new FieldError(f.getField(), message(f.getDefaultMessage()))));
        e.getGlobalErrors().forEach(g -> errors.add(new FieldError(g.getObjectName(), message(g.getDefaultMessage()))));
        return asObject(ProblemException.invalidFields(errors));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors()
                    .forEach(error -> errors.add(
                            new FieldError(name == null ? "parameter" : name, message(error.getDefaultMessage()))));
        }
        return asObject(ProblemException.invalidFields(errors));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(ProblemException.invalidField(e.getParameterName(), "is required"));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(unreadable(e));
    }

    static ProblemException unreadable(HttpMessageNotReadableException e) {
        if (rootCause(e) instanceof JsonBodyLimitFilter.BodyTooLarge) {
            return JsonBodyLimitFilter.tooLarge();
        }
        Throwable cause = e.getCause();
        if (cause instanceof InputCoercionException coercion) {
            String field = coercion.getPath().isEmpty() ? parserPath(coercion) : path(coercion);
            if (!field.isEmpty()) {
                return ProblemException.invalidField(
                        field, "is out of range for " + describe(coercion.getTargetType()));
            }
        }
        if (cause instanceof StreamReadException) {
            return new ProblemException(
                    HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", "The request body is not valid JSON");
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = path(jackson);
            if (cause instanceof RejectedInput rejected) {
                return ProblemException.invalidField(field, rejected.reason());
            }
            if (cause instanceof InvalidNullException) {
                return ProblemException.invalidField(field, "must not be null");
            }
            if (cause instanceof UnrecognizedPropertyException) {
                return ProblemException.invalidField(field, "is not a known field");
            }
            if (cause instanceof InvalidFormatException invalid) {
                return ProblemException.invalidField(field, "must be " + describe(invalid.getTargetType()));
            }
            if (cause instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
                return ProblemException.invalidField(field, "must be " + describe(mismatched.getTargetType()));
            }
            Throwable root = rootCause(jackson);
            String reason = root instanceof IllegalArgumentException && root.getMessage() != null
                    ? root.getMessage()
                    : "has an invalid value";
            return ProblemException.invalidField(field, reason);
        }
        return new ProblemException(
                HttpStatus.BAD_REQUEST,
                "unreadable-body",
                "Unreadable request body",
                "The request body is missing or unreadable");
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    /** Where the parser stood when a number overflowed: {@code /rules/0/downloadKbps} read as {@code rules[0].downloadKbps}. */
    private static String parserPath(JacksonException e) {
        if (!(e.processor() instanceof JsonParser parser)) {
            return "";
        }
        JsonPointer pointer = parser.streamReadContext().pathAsPointer();
        var field = new StringBuilder();
        for (JsonPointer segment = pointer; segment != null && !segment.matches(); segment = segment.tail()) {
            if (segment.getMatchingIndex() >= 0) {
                field.append('[').append(segment.getMatchingIndex()).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(segment.getMatchingProperty());
            }
        }
        return field.toString();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable current = e;
        for (int depth = 0; depth < 20 && current.getCause() != null; depth++) {
            current = current.getCause();
        }
        return current;
    }

    private static String describe(@Nullable Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return "one of "
                    + java.util.Arrays.stream(constants).map(Object::toString).collect(Collectors.joining(", "));
        }
        String simple = type.getSimpleName().toLowerCase(Locale.ROOT);
        return switch (simple) {
            case "uuid" -> "a UUID";
            case "int", "integer", "long", "short" -> "an integer";
            case "bigdecimal", "double", "float" -> "a number";
            case "boolean" -> "true or false";
            case "instant", "offsetdatetime", "zoneddatetime" -> "an ISO-8601 instant within " + TimeBounds.RANGE;
            case "localdate" -> "an ISO-8601 date (yyyy-mm-dd) within " + TimeBounds.RANGE;
            case "string" -> "a string";
            case "list", "set", "collection" -> "an array";
            default -> "a valid " + type.getSimpleName();
        };
    }

    private static String message(@Nullable String message) {
        return message == null ? "is invalid" : message;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static ResponseEntity<Object> asObject(ProblemException e) {
        return ResponseEntity.status(e.status()).body(e.toProblemDetail());
    }
}
