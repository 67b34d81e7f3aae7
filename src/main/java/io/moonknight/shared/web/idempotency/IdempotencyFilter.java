package io.moonknight.shared.web.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Wraps an API POST that carries an {@code Idempotency-Key} so that {@link IdempotencyInterceptor} can read its body
 * before the handler and the answer can be kept. After the request: when the interceptor claimed the key, stores
 * the answer for replay, or releases the key when the answer is a 5xx (the failure was ours: the key may be retried)
 * or a refusal to act at all (401, 403, 429). Requests without the header pass untouched.
 */
final class IdempotencyFilter extends OncePerRequestFilter {

    /** The headers replayed with the body. */
    private static final List<String> KEPT_HEADERS =
            List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION, HttpHeaders.CONTENT_DISPOSITION);

    /** Answers that say nothing was attempted: not stored, the key stays free. */
    private static final Set<Integer> NOT_STORED = Set.of(401, 403, 429);

    private final IdempotencyKeys keys;

    IdempotencyFilter(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().startsWith("/api/")
                || request.getHeader(IdempotencyInterceptor.HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var buffered = new BufferedBodyRequest(request);
        var answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(buffered, answer);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            if (buffered.getAttribute(IdempotencyInterceptor.CLAIM) instanceof IdempotencyKeys.Claim claim) {
                keys.release(claim);
            }
            throw e;
        }
        if (buffered.getAttribute(IdempotencyInterceptor.CLAIM) instanceof IdempotencyKeys.Claim claim) {
            int status = answer.getStatus();
            if (status >= 500 || NOT_STORED.contains(status)) {
                keys.release(claim);
            } else {
                Map<String, String> headers = new LinkedHashMap<>();
                for (String name : KEPT_HEADERS) {
                    String value =
                            name.equals(HttpHeaders.CONTENT_TYPE) ? answer.getContentType() : answer.getHeader(name);
                    if (value != null) {
                        headers.put(name, value);
                    }
                }
                keys.complete(claim, new IdempotencyKeys.Answer(status, headers, answer.getContentAsByteArray()));
            }
        }
        answer.copyBodyToResponse();
    }
}
