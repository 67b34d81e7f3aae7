package io.moonknight.shared.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last word on a request that never reached Spring (an encoded {@code /} or NUL in the path, a broken
 * request line, a header too large): under {@code /api/} a problem detail instead of Tomcat's HTML page. Other
 * paths keep Tomcat's short page, without its version or a stack trace. Public because Tomcat instantiates it by
 * class name.
 */
public final class ApiErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ApiErrorReportValve() {
        setShowServerInfo(false);
        setShowReport(false);
    }

    @Override
    protected void report(Request request, Response response, @Nullable Throwable throwable) {
        String uri = request.getRequestURI();
        int status = response.getStatus();
        if (uri == null || !uri.startsWith("/api/") || status < 400 || response.getContentWritten() > 0) {
            super.report(request, response, throwable);
            return;
        }
        HttpStatus resolved = HttpStatus.resolve(status);
        var problem = ProblemDetail.forStatusAndDetail(
                resolved == null ? HttpStatus.BAD_REQUEST : resolved,
                status == 400
                        ? "The request line or its headers are not valid (an encoded '/' or a NUL in the path, for"
                                + " one)"
                        : resolved == null ? "HTTP " + status : resolved.getReasonPhrase());
        problem.setType(ProblemException.typeFor(resolved == null ? HttpStatus.BAD_REQUEST : resolved));
        problem.setTitle(resolved == null ? "HTTP " + status : resolved.getReasonPhrase());
        problem.setStatus(status);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(java.nio.charset.StandardCharsets.UTF_8);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(body(problem)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away or the response cannot take a body any more: nothing left to tell it.
        }
    }

    private static java.util.Map<String, Object> body(ProblemDetail problem) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", String.valueOf(problem.getTitle()));
        body.put("status", problem.getStatus());
        body.put("detail", String.valueOf(problem.getDetail()));
        return body;
    }
}
