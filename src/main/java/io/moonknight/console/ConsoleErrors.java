package io.moonknight.console;

import io.moonknight.shared.security.Actor;
import io.moonknight.shared.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers a console page's failure with the error page inside the normal layout (sidebar included): a problem a
 * use case raised keeps its status (an unknown or another tenant's id is 404), a malformed id in the address is
 * 404 and any other malformed parameter 400. An htmx request gets only the message, for the part of the page it
 * was loading. REST controllers never get here: {@code ApiExceptionHandler} answers them first (it is ordered
 * before this advice and handles every exception).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ConsoleErrors {

    private final ConsoleNavigation navigation;

    ConsoleErrors(ConsoleNavigation navigation) {
        this.navigation = navigation;
    }

    @ExceptionHandler(ProblemException.class)
    ModelAndView problem(ProblemException problem, HttpServletRequest request) {
        return page(problem.status(), problem.status() == HttpStatus.NOT_FOUND ? null : problem.detail(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView malformed(MethodArgumentTypeMismatchException mismatch, HttpServletRequest request) {
        boolean inPath = mismatch.getParameter().hasParameterAnnotation(PathVariable.class);
        return inPath
                ? page(HttpStatus.NOT_FOUND, null, request)
                : page(HttpStatus.BAD_REQUEST, mismatch.getName() + " has a value this page does not know", request);
    }

    private ModelAndView page(
            HttpStatus status, @org.jspecify.annotations.Nullable String detail, HttpServletRequest request) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.value());
        if (detail != null) {
            model.put("detail", detail);
        }
        var actor = Actor.current();
        actor.ifPresent(a -> model.put("actor", a));
        model.put("navigation", actor.map(navigation::sectionsFor).orElse(List.of()));
        model.put("currentPath", request.getRequestURI());
        boolean htmx = request.getHeader("HX-Request") != null;
        return new ModelAndView(htmx ? "error :: message" : "error", model, status);
    }
}
