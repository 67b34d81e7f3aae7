package io.moonknight.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a query or form parameter holding a NUL character, with a 400 naming it: no PostgreSQL text can hold
 * one, so a search for {@code q=%00} used to fail in the database with a 500 (after the CSV export had started).
 */
final class TextParameters implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            boolean nul = parameter.getKey().indexOf(0) >= 0;
            String[] values = parameter.getValue();
            for (int i = 0; values != null && i < values.length; i++) {
                // a PUT's form body, parsed by Spring's FormContentFilter, may map a name to no value
                nul |= values[i] != null && values[i].indexOf(0) >= 0;
            }
            if (nul) {
                errors.add(new ProblemException.FieldError(
                        parameter.getKey().replace('\0', '?'), "must not contain a NUL character"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return true;
    }
}
