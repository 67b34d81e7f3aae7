package io.moonknight.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Locale;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Parses a form or multipart body of an API request up front, after authentication, and answers a problem
 * detail when the container cannot: a multipart body without a boundary or its closing boundary, one over the
 * upload limit, a file name with a control character (a NUL that no database stores), a form too large to
 * read. Left to Spring MVC, these failures repeat on the error dispatch and end as a 500 or an empty 413.
 */
final class RequestBodyCheckFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (!request.getRequestURI().startsWith("/api/") || contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return !type.startsWith("multipart/") && !type.startsWith("application/x-www-form-urlencoded");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ProblemException problem = check(request);
        if (problem != null) {
            ProblemResponses.write(response, problem.toProblemDetail());
            return;
        }
        chain.doFilter(request, response);
    }

    private static @Nullable ProblemException check(HttpServletRequest request) {
        try {
            if (request.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                for (Part part : request.getParts()) {
                    String fileName = part.getSubmittedFileName();
                    if (fileName != null && fileName.chars().anyMatch(Character::isISOControl)) {
                        return ProblemException.invalidField(
                                part.getName(), "the file name must not contain control characters");
                    }
                }
            } else {
                request.getParameterMap();
            }
            return null;
        } catch (IOException | ServletException | IllegalStateException e) {
            return tooLarge(e)
                    ? new ProblemException(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "body-too-large",
                            "Request body too large",
                            "The request body is larger than the server accepts")
                    : new ProblemException(
                            HttpStatus.BAD_REQUEST,
                            "malformed-body",
                            "Malformed request body",
                            "The request body cannot be read as " + mediaType(request)
                                    + " (for multipart: a boundary, a part header or the closing boundary is"
                                    + " missing)");
        }
    }

    private static boolean tooLarge(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidParameterException invalid
                    && invalid.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
                return true;
            }
            String name = cause.getClass().getSimpleName();
            if (name.contains("SizeException") || name.contains("SizeLimitExceeded")) {
                return true;
            }
        }
        return false;
    }

    private static String mediaType(HttpServletRequest request) {
        String contentType = String.valueOf(request.getContentType());
        int semicolon = contentType.indexOf(';');
        return semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    }
}
