package io.moonknight.identity.security;

import io.moonknight.shared.web.ProblemException;
import io.moonknight.shared.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 for the REST API, as problem details. */
final class ApiSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        ProblemException problem;
        if (failure instanceof ProblemAuthenticationException known) {
            problem = known.problem();
        } else if (failure instanceof InvalidBearerTokenException) {
            problem = new ProblemException(
                    HttpStatus.UNAUTHORIZED,
                    "invalid-token",
                    "Invalid token",
                    "The access token is invalid or expired; refresh it or log in again");
        } else {
            problem = new ProblemException(
                    HttpStatus.UNAUTHORIZED,
                    "unauthenticated",
                    "Authentication required",
                    "Send an access token (Authorization: Bearer <token>) obtained from POST /api/v1/auth/login");
        }
        if (problem.status() == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        Long retryAfter = problem.retryAfterSeconds();
        if (retryAfter != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        }
        ProblemResponses.write(response, problem.toProblemDetail());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        var problem = new ProblemException(
                HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your permissions do not allow this operation");
        ProblemResponses.write(response, problem.toProblemDetail());
    }
}
