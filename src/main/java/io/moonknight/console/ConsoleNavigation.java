package io.moonknight.console;

import io.moonknight.shared.console.ConsoleMenuItem;
import io.moonknight.shared.security.Actor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The sidebar: the modules' menu items an actor may use, grouped by section. */
@Component
class ConsoleNavigation {

    private static final List<String> SECTION_ORDER = List.of(
            "Overview",
            "Customers",
            "Billing",
            "Network",
            "Support",
            "Inventory",
            "Reports",
            "Administration",
            "Platform");

    private final List<ConsoleMenuItem> items;

    ConsoleNavigation(List<ConsoleMenuItem> items) {
        this.items = items.stream()
                .sorted(Comparator.comparingInt((ConsoleMenuItem i) -> sectionRank(i.section()))
                        .thenComparingInt(ConsoleMenuItem::order))
                .toList();
    }

    record Section(String title, List<ConsoleMenuItem> items) {}

    List<Section> sectionsFor(Actor actor) {
        Map<String, List<ConsoleMenuItem>> sections = new LinkedHashMap<>();
        for (ConsoleMenuItem item : items) {
            if (actor.can(item.permission())) {
                sections.computeIfAbsent(item.section(), s -> new ArrayList<>()).add(item);
            }
        }
        return sections.entrySet().stream()
                .map(e -> new Section(e.getKey(), e.getValue()))
                .toList();
    }

    private static int sectionRank(String section) {
        int rank = SECTION_ORDER.indexOf(section);
        return rank < 0 ? SECTION_ORDER.size() : rank;
    }
}
