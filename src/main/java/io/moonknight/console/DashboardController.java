package io.moonknight.console;

import io.moonknight.shared.console.DashboardCard;
import io.moonknight.shared.security.Actor;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

    private final List<DashboardCard> cards;

    DashboardController(List<DashboardCard> cards) {
        this.cards = cards.stream()
                .sorted(Comparator.comparingInt(DashboardCard::order))
                .toList();
    }

    record CardValue(DashboardCard card, String value) {}

    /** Everyone lands here after login; what it shows depends on the actor's permissions. */
    @GetMapping("/")
    String dashboard(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute(
                "cards",
                cards.stream()
                        .filter(card -> actor.can(card.permission()))
                        .map(card -> new CardValue(card, card.value().get()))
                        .toList());
        return "console/dashboard";
    }
}
