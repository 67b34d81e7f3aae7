package io.moonknight.shared.web.idempotency;

import io.moonknight.shared.security.Actor;
import io.moonknight.shared.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.WebUtils;

/**
 * Before an {@link Idempotent} handler runs (and after the permission check, so a caller without the permission
 * gets 403 and claims nothing): checks the {@code Idempotency-Key} header, claims the key for this request, or
 * answers for the request that holds it: the stored answer replayed, 422 for another request under the same key,
 * 409 while the first is still running. {@link IdempotencyFilter} stores the answer of the request that claimed.
 */
final class IdempotencyInterceptor implements HandlerInterceptor {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_LENGTH = 255;

    /** The request attribute holding the {@link IdempotencyKeys.Claim} of a request that may store its answer. */
    static final String CLAIM = IdempotencyInterceptor.class.getName() + ".claim";

    private static final UUID NO_TENANT = new UUID(0, 0);

    private final IdempotencyKeys keys;

    IdempotencyInterceptor(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(Idempotent.class)) {
            return true;
        }
        List<String> values = Collections.list(request.getHeaders(HEADER));
        if (values.isEmpty()) {
            return true;
        }
        String key = valid(values);
        Optional<Actor> actor = Actor.current();
        BufferedBodyRequest buffered = WebUtils.getNativeRequest(request, BufferedBodyRequest.class);
        if (actor.isEmpty() || buffered == null) {
            throw new IllegalStateException("An idempotent request needs a principal and the idempotency filter");
        }
        var scope = new IdempotencyKeys.Scope(
                actor.get().tenantId() == null ? NO_TENANT : actor.get().tenantId(),
                actor.get().id(),
                key);
        var thisRequest =
                new IdempotencyKeys.Request(request.getMethod(), request.getRequestURI(), fingerprint(buffered));
        for (int attempt = 0; attempt < 3; attempt++) {
            var claim = keys.claim(scope, thisRequest);
            if (claim.isPresent()) {
                request.setAttribute(CLAIM, claim.get());
                return true;
            }
            var held = keys.held(scope);
            if (held.isEmpty()) {
                continue; // released or purged in between: claim again
            }
            if (!held.get().fingerprint().equals(thisRequest.fingerprint())) {
                throw reused();
            }
            IdempotencyKeys.Answer answer = held.get().answer();
            if (answer == null) {
                throw inProgress();
            }
            replay(answer, response);
            return false;
        }
        throw inProgress();
    }

    private static String valid(List<String> values) {
        if (values.size() > 1) {
            throw invalidKey("send one key, not " + values.size());
        }
        String key = values.getFirst();
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            throw invalidKey("must be 1 to " + MAX_LENGTH + " characters long");
        }
        if (key.isBlank() || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw invalidKey("must be printable ASCII characters (a UUID is a good key)");
        }
        return key;
    }

    /**
     * What makes two requests the same one: the method, the path with its query and the body's bytes.
     * Reading the body here means reading it through the size limit; a body too large is the same 413 as when
     * the handler reads it.
     */
    private static String fingerprint(BufferedBodyRequest request) {
        byte[] body;
        try {
            body = request.body();
        } catch (IOException e) {
            throw new HttpMessageNotReadableException(
                    "Cannot read the request body", e, new ServletServerHttpRequest(request));
        }
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            String query = request.getQueryString();
            digest.update(
                    (request.getMethod() + ' ' + request.getRequestURI() + (query == null ? "" : "?" + query) + '\n')
                            .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static void replay(IdempotencyKeys.Answer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach((name, value) -> {
            if (name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                response.setContentType(value);
            } else {
                response.setHeader(name, value);
            }
        });
        response.setHeader(REPLAYED, "true");
        byte[] body = answer.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static ProblemException invalidKey(String message) {
        return ProblemException.invalidField(HEADER, message).with("header", HEADER);
    }

    private static ProblemException reused() {
        return new ProblemException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "idempotency-key-reused",
                        "Idempotency key reused",
                        "This " + HEADER + " was sent with another request (method, path or body); send a new key"
                                + " for a new request")
                .with("header", HEADER);
    }

    private static ProblemException inProgress() {
        return new ProblemException(
                        HttpStatus.CONFLICT,
                        "idempotency-key-in-progress",
                        "Request in progress",
                        "A request with this " + HEADER + " is still being processed; retry once it has finished")
                .with("header", HEADER)
                .with("retryAfter", 1L);
    }
}
