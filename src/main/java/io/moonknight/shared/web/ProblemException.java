package io.moonknight.shared.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A failure the client can act on, answered as an RFC 9457 problem detail with a stable {@code type}.
 * Modules subclass it with static factories ({@code UserNotFound.of(id)}).
 */
public class ProblemException extends RuntimeException {

    public static final String TYPE_BASE = "https://moonknight.io/problems/";

    private static final Set<String> RESERVED = Set.of("type", "title", "status", "detail", "instance");

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ProblemException(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    /**
     * Adds an extension member. The RFC 9457 members ({@code type}, {@code title}, {@code status},
     * {@code detail}, {@code instance}) cannot be overwritten: a resource's own status goes under another name
     * ({@code currentStatus}).
     */
    public ProblemException with(String property, Object value) {
        if (RESERVED.contains(property)) {
            throw new IllegalStateException(property + " is a problem detail member, not an extension");
        }
        properties.put(property, value);
        return this;
    }

    /** Seconds to wait before retrying, for 429 answers ({@code Retry-After}). */
    public @org.jspecify.annotations.Nullable Long retryAfterSeconds() {
        return properties.get("retryAfter") instanceof Long seconds ? seconds : null;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        String message = getMessage();
        return message == null ? title : message;
    }

    /** One line for a flash message: the first field's message, or the detail when no field is named. */
    public String summary() {
        return fieldErrors().isEmpty() ? detail() : fieldErrors().getFirst().message();
    }

    /** The per-field errors this problem names (a validation problem's list, or a conflict's one field). */
    public List<FieldError> fieldErrors() {
        if (properties.get("errors") instanceof List<?> errors) {
            return errors.stream()
                    .filter(FieldError.class::isInstance)
                    .map(FieldError.class::cast)
                    .toList();
        }
        if (properties.get("field") instanceof String field) {
            return List.of(new FieldError(field, detail()));
        }
        return List.of();
    }

    public ProblemDetail toProblemDetail() {
        var problem = ProblemDetail.forStatusAndDetail(status, detail());
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }

    /** The stable type of a problem known only by its HTTP status (unknown path, wrong method, ...). */
    public static URI typeFor(org.springframework.http.HttpStatusCode status) {
        String slug = switch (status.value()) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "body-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            default -> status.is5xxServerError() ? "internal-error" : "http-" + status.value();
        };
        return URI.create(TYPE_BASE + slug);
    }

    /** 404 for a resource that does not exist in the caller's tenant. */
    public static ProblemException notFound(String resource, Object id) {
        return new ProblemException(
                        HttpStatus.NOT_FOUND, "not-found", "Not found", resource + " " + id + " was not found")
                .with("resource", resource);
    }

    /** 409 for a request that conflicts with the current state. */
    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, type, "Conflict", detail);
    }

    /** 400 naming the offending field. */
    public static ProblemException invalidField(String field, String message) {
        return invalidFields(List.of(new FieldError(field, message)));
    }

    public static ProblemException invalidFields(List<FieldError> errors) {
        return new ProblemException(
                        HttpStatus.BAD_REQUEST,
                        "validation",
                        "Invalid request",
                        errors.size() == 1
                                ? errors.getFirst().field() + ": "
                                        + errors.getFirst().message()
                                : "The request has " + errors.size() + " invalid fields")
                .with("errors", errors);
    }

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {}
}
