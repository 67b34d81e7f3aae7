package io.moonknight.radius.web;

import io.moonknight.network.NasDirectory;
import io.moonknight.radius.internal.SessionQueries;
import io.moonknight.shared.web.ProblemException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Live sessions with a disconnect button, NAS status, and the sessions-and-usage panel of a subscription. */
@Controller
@RequestMapping("/radius")
class RadiusConsoleController {

    private final SessionQueries sessions;
    private final NasDirectory nas;
    private final Clock clock;

    RadiusConsoleController(SessionQueries sessions, NasDirectory nas, Clock clock) {
        this.sessions = sessions;
        this.nas = nas;
        this.clock = clock;
    }

    @GetMapping("/sessions")
    @PreAuthorize("hasAuthority('sessions:read')")
    String live(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable UUID nasId,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("nasId", nasId);
        model.addAttribute(
                "page",
                sessions.live(new SessionQueries.Filter(nasId, null, null, q), PageRequest.of(Math.max(page, 0), 50)));
        model.addAttribute(
                "query",
                "q=" + URLEncoder.encode(q == null ? "" : q, StandardCharsets.UTF_8)
                        + (nasId == null ? "" : "&nasId=" + nasId));
        model.addAttribute(
                "devices",
                nas.all().stream()
                        .map(n -> new SessionApiController.NasStatus(
                                n.id(), n.name(), n.address(), sessions.stats(n.id())))
                        .toList());
        return "radius/sessions";
    }

    @PostMapping("/sessions/{id}/disconnect")
    @PreAuthorize("hasAuthority('sessions:disconnect')")
    String disconnect(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            var session = sessions.disconnect(id);
            redirect.addFlashAttribute("flash", "Disconnected " + session.username() + ".");
        } catch (ProblemException problem) {
            redirect.addFlashAttribute("flashError", problem.detail());
        }
        return "redirect:/radius/sessions";
    }

    /** The subscription page's panel: live and recent sessions, and 30 days of usage as a chart. */
    @GetMapping("/subscriptions/{id}/panel")
    @PreAuthorize("hasAuthority('sessions:read')")
    String panel(@PathVariable UUID id, Model model) {
        LocalDate today = LocalDate.now(clock);
        var usage = sessions.usage(id, today.minusDays(29), today);
        var byDay = new java.util.HashMap<LocalDate, SessionQueries.Day>();
        usage.days().forEach(d -> byDay.put(d.day(), d));
        List<String> labels = new java.util.ArrayList<>();
        List<Long> download = new java.util.ArrayList<>();
        List<Long> upload = new java.util.ArrayList<>();
        for (LocalDate day = today.minusDays(29); !day.isAfter(today); day = day.plusDays(1)) {
            var d = byDay.get(day);
            labels.add("\"" + day.toString().substring(5) + "\"");
            download.add(d == null ? 0 : d.outputOctets());
            upload.add(d == null ? 0 : d.inputOctets());
        }
        model.addAttribute("usage", usage);
        model.addAttribute("labels", "[" + String.join(",", labels) + "]");
        model.addAttribute("download", download.toString());
        model.addAttribute("upload", upload.toString());
        model.addAttribute("sessions", sessions.ofSubscription(id, 10));
        return "radius/subscription-panel :: panel";
    }
}
