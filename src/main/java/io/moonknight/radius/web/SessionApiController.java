package io.moonknight.radius.web;

import io.moonknight.network.NasDirectory;
import io.moonknight.radius.internal.NasRegistry;
import io.moonknight.radius.internal.SessionQueries;
import io.moonknight.shared.web.PageResponse;
import io.moonknight.shared.web.Paging;
import io.moonknight.shared.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Sessions", description = "Live RADIUS sessions, session history, usage and NAS status")
class SessionApiController {

    private final SessionQueries sessions;
    private final NasDirectory nas;
    private final Clock clock;

    SessionApiController(SessionQueries sessions, NasDirectory nas, Clock clock) {
        this.sessions = sessions;
        this.nas = nas;
        this.clock = clock;
    }

    /** A NAS with its counters. */
    record NasStatus(UUID nasId, String name, String address, NasRegistry.Stats stats) {}

    @GetMapping("/api/v1/sessions")
    @PreAuthorize("hasAuthority('sessions:read')")
    @Operation(
            summary = "Live sessions",
            description = "Newest first; `q` matches the start of a username, IP address or calling station (MAC)")
    PageResponse<SessionQueries.SessionView> live(
            @RequestParam(required = false) @Nullable UUID nasId,
            @RequestParam(required = false) @Nullable UUID planId,
            @RequestParam(required = false) @Nullable UUID customerId,
            @RequestParam(required = false) @Nullable @Size(max = 80) String q,
            @ParameterObject Pageable pageable) {
        var page = Paging.restrict(pageable, Map.of(), Sort.unsorted());
        return PageResponse.of(sessions.live(new SessionQueries.Filter(nasId, planId, customerId, q), page));
    }

    @GetMapping("/api/v1/sessions/{id}")
    @PreAuthorize("hasAuthority('sessions:read')")
    @Operation(summary = "A live session")
    SessionQueries.SessionView get(@PathVariable UUID id) {
        return sessions.get(id);
    }

    @PostMapping("/api/v1/sessions/{id}/disconnect")
    @PreAuthorize("hasAuthority('sessions:disconnect')")
    @Operation(
            summary = "Disconnect a live session",
            description = "Sends a Disconnect-Request (RFC 5176) to the session's NAS; 409 `disconnect-failed` when"
                    + " the NAS refuses or does not answer. The result is kept on the session either way.")
    SessionQueries.SessionView disconnect(@PathVariable UUID id) {
        return sessions.disconnect(id);
    }

    @GetMapping("/api/v1/subscriptions/{id}/sessions")
    @PreAuthorize("hasAuthority('sessions:read')")
    @Operation(summary = "A subscription's sessions", description = "Live ones first, then up to 100 ended ones")
    PageResponse<SessionQueries.SessionView> ofSubscription(@PathVariable UUID id, @ParameterObject Pageable pageable) {
        return PageResponse.of(sessions.ofSubscription(id, 100), Paging.restrict(pageable, Map.of(), Sort.unsorted()));
    }

    @GetMapping("/api/v1/subscriptions/{id}/usage")
    @PreAuthorize("hasAuthority('sessions:read')")
    @Operation(
            summary = "A subscription's usage",
            description = "Octets per day (Gigawords counted) between `from` and `to` (the last 30 days when left"
                    + " out) and the current billing cycle's total")
    SessionQueries.Usage usage(
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        LocalDate end = to != null ? to : LocalDate.now(clock);
        LocalDate start = from != null ? from : end.minusDays(29);
        if (start.isAfter(end)) {
            throw ProblemException.invalidField("from", "must not be after `to`");
        }
        if (ChronoUnit.DAYS.between(start, end) > 366) {
            throw ProblemException.invalidField("from", "ask for at most 366 days at once");
        }
        return sessions.usage(id, start, end);
    }

    @GetMapping("/api/v1/nas-status")
    @PreAuthorize("hasAuthority('sessions:read')")
    @Operation(
            summary = "NAS status",
            description = "Per NAS: when a packet was last seen and how many were accepted, rejected, accounted and"
                    + " dropped since this instance started")
    PageResponse<NasStatus> status(@ParameterObject Pageable pageable) {
        return PageResponse.of(
                nas.all().stream()
                        .map(n -> new NasStatus(n.id(), n.name(), n.address(), sessions.stats(n.id())))
                        .toList(),
                Paging.restrict(pageable, Map.of(), Sort.unsorted()));
    }
}
