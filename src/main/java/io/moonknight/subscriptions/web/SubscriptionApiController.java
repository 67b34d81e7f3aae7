package io.moonknight.subscriptions.web;

import io.moonknight.shared.web.PageResponse;
import io.moonknight.shared.web.Paging;
import io.moonknight.subscriptions.AccessType;
import io.moonknight.subscriptions.SubscriptionStatus;
import io.moonknight.subscriptions.internal.ChangeLog;
import io.moonknight.subscriptions.internal.SubscriptionDraft;
import io.moonknight.subscriptions.internal.SubscriptionService;
import io.moonknight.subscriptions.internal.SubscriptionService.When;
import io.moonknight.subscriptions.internal.SubscriptionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/subscriptions")
@Tag(
        name = "Subscriptions",
        description = "Customers' services: plan, access credentials, addresses, lifecycle and plan changes")
class SubscriptionApiController {

    private final SubscriptionService subscriptions;

    SubscriptionApiController(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** A new subscription: whose, on which plan, and its technical details. */
    record CreateRequest(
            @NotNull UUID customerId,
            @NotNull UUID planId,

            @Schema(description = "Activate at once instead of staying pending (false when left out)") @Nullable
            Boolean activate,

            @Valid @NotNull SubscriptionDraft service) {}

    /** Why a subscription is suspended or terminated. */
    record ReasonRequest(
            @Schema(example = "non-payment") @NotBlank @Size(max = 80)
            String reason,

            @Nullable @Size(max = 2000) String note) {}

    /** A move to another plan, now or from the next billing cycle. */
    record PlanChangeRequest(
            @NotNull UUID planId,

            @Schema(description = "NOW when left out") @Nullable
            When when) {}

    @GetMapping
    @PreAuthorize("hasAuthority('subscriptions:read')")
    @Operation(
            summary = "List subscriptions",
            description = "Newest first. `q` matches the start of a username, MAC address, IPv4 address or circuit id")
    PageResponse<SubscriptionView> list(
            @RequestParam(required = false) @Nullable SubscriptionStatus status,
            @RequestParam(required = false) @Nullable AccessType accessType,
            @RequestParam(required = false) @Nullable UUID customerId,
            @RequestParam(required = false) @Nullable UUID planId,
            @RequestParam(required = false) @Nullable UUID nasId,
            @RequestParam(required = false) @Nullable @Size(max = 80) String q,
            @ParameterObject Pageable pageable) {
        var page = Paging.restrict(pageable, Map.of(), Sort.unsorted());
        return PageResponse.of(subscriptions.list(
                new SubscriptionService.Filter(status, accessType, customerId, planId, nasId, q), page));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('subscriptions:write')")
    @Operation(
            summary = "Create a subscription",
            description = "Pending unless `activate`. A static address is allocated from the pool at once; a"
                    + " PPPoE or hotspot password is generated when none is given")
    ResponseEntity<SubscriptionView> create(@Valid @RequestBody CreateRequest request) {
        var subscription = subscriptions.create(
                request.customerId(), request.planId(), request.service(), Boolean.TRUE.equals(request.activate()));
        return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + subscription.id()))
                .body(subscription);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('subscriptions:read')")
    @Operation(summary = "Get a subscription", description = "Never its password; see `/credentials`")
    SubscriptionView get(@PathVariable UUID id) {
        return subscriptions.get(id);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('subscriptions:write')")
    @Operation(
            summary = "Change a subscription's technical details",
            description = "Access type, credentials, addresses, VLAN, NAS, installation address. Left out, the"
                    + " password stays. Plan and status change through their own operations")
    SubscriptionView update(@PathVariable UUID id, @Valid @RequestBody SubscriptionDraft draft) {
        return subscriptions.update(id, draft);
    }

    @PostMapping("/{id}/activate")
    @PreAuthorize("hasAuthority('subscriptions:lifecycle')")
    @Operation(summary = "Activate a pending subscription", description = "409 `illegal-transition` otherwise")
    SubscriptionView activate(@PathVariable UUID id) {
        return subscriptions.activate(id);
    }

    @PostMapping("/{id}/suspend")
    @PreAuthorize("hasAuthority('subscriptions:lifecycle')")
    @Operation(summary = "Suspend an active subscription", description = "409 `illegal-transition` otherwise")
    SubscriptionView suspend(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return subscriptions.suspend(id, request.reason(), request.note());
    }

    @PostMapping("/{id}/resume")
    @PreAuthorize("hasAuthority('subscriptions:lifecycle')")
    @Operation(summary = "Resume a suspended subscription", description = "409 `illegal-transition` otherwise")
    SubscriptionView resume(@PathVariable UUID id) {
        return subscriptions.resume(id);
    }

    @PostMapping("/{id}/terminate")
    @PreAuthorize("hasAuthority('subscriptions:lifecycle')")
    @Operation(
            summary = "Terminate a subscription for good",
            description = "Releases its static addresses and dedicated VLAN and frees its username and MAC")
    SubscriptionView terminate(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return subscriptions.terminate(id, request.reason(), request.note());
    }

    @PostMapping("/{id}/change-plan")
    @PreAuthorize("hasAuthority('subscriptions:write')")
    @Operation(
            summary = "Move a subscription to another plan",
            description = "`NOW` applies at once; `NEXT_CYCLE` schedules it for the start of the next billing cycle"
                    + " (the day of the month the subscription started)")
    SubscriptionView changePlan(@PathVariable UUID id, @Valid @RequestBody PlanChangeRequest request) {
        When when = request.when();
        return subscriptions.changePlan(id, request.planId(), when == null ? When.NOW : when);
    }

    @PostMapping("/{id}/cancel-plan-change")
    @PreAuthorize("hasAuthority('subscriptions:write')")
    @Operation(summary = "Cancel a scheduled plan change")
    SubscriptionView cancelPlanChange(@PathVariable UUID id) {
        return subscriptions.cancelPlanChange(id);
    }

    @GetMapping("/{id}/credentials")
    @PreAuthorize("hasAuthority('subscriptions:credentials')")
    @Operation(summary = "A subscription's username and password", description = "Each look is audited")
    SubscriptionService.Credentials credentials(@PathVariable UUID id) {
        return subscriptions.credentials(id);
    }

    @GetMapping("/{id}/changes")
    @PreAuthorize("hasAuthority('subscriptions:read')")
    @Operation(summary = "A subscription's log", description = "Lifecycle steps and plan changes, newest first")
    PageResponse<ChangeLog.Change> changes(@PathVariable UUID id, @ParameterObject Pageable pageable) {
        return PageResponse.of(subscriptions.changes(id), Paging.restrict(pageable, Map.of(), Sort.unsorted()));
    }
}
