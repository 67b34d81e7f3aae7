package io.moonknight.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks {@code page} and {@code size} before Spring Data reads them: its resolver silently replaces a value it
 * cannot use with the default, so {@code page=-1}, {@code size=abc} or {@code size=1000} would answer a page the
 * client did not ask for. Each such value is a 400 naming the parameter, as is a page whose first row lies
 * beyond what a query can skip.
 */
final class PagingParameters implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && takesPageable(method)) {
            check(request.getParameterValues("page"), request.getParameterValues("size"));
        }
        return true;
    }

    /** Throws a 400 naming {@code page} and/or {@code size} when either is not an acceptable value. */
    static void check(String @Nullable [] pages, String @Nullable [] sizes) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        Integer page = parse("page", pages, 0, Integer.MAX_VALUE, "a whole number, 0 or more", errors);
        Integer size = parse("size", sizes, 1, Paging.MAX_SIZE, "a whole number from 1 to " + Paging.MAX_SIZE, errors);
        if (errors.isEmpty()
                && page != null
                && (long) page * (size == null ? Paging.DEFAULT_SIZE : size) > Integer.MAX_VALUE) {
            errors.add(new ProblemException.FieldError("page", "is beyond the last row any list can have"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }

    private static @Nullable Integer parse(
            String name,
            String @Nullable [] values,
            int min,
            int max,
            String expected,
            List<ProblemException.FieldError> errors) {
        if (values == null || values.length == 0) {
            return null;
        }
        if (values.length > 1) {
            errors.add(new ProblemException.FieldError(name, "give it once"));
            return null;
        }
        try {
            int value = Integer.parseInt(values[0].strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new ProblemException.FieldError(name, "must be " + expected));
        return null;
    }

    private static boolean takesPageable(HandlerMethod method) {
        for (MethodParameter parameter : method.getMethodParameters()) {
            if (Pageable.class.isAssignableFrom(parameter.getParameterType())) {
                return true;
            }
        }
        return false;
    }
}
