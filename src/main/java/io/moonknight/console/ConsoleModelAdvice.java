package io.moonknight.console;

import io.moonknight.shared.security.Actor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts what the layout needs (actor, sidebar, current path) on every console page. */
@ControllerAdvice(annotations = Controller.class)
class ConsoleModelAdvice {

    private final ConsoleNavigation navigation;

    ConsoleModelAdvice(ConsoleNavigation navigation) {
        this.navigation = navigation;
    }

    @ModelAttribute("actor")
    @Nullable
    Actor actor() {
        return Actor.current().orElse(null);
    }

    @ModelAttribute("navigation")
    List<ConsoleNavigation.Section> navigation() {
        return Actor.current().map(navigation::sectionsFor).orElse(List.of());
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
