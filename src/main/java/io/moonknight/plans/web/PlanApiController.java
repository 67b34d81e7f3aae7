package io.moonknight.plans.web;

import io.moonknight.plans.BillingType;
import io.moonknight.plans.PlanStatus;
import io.moonknight.plans.domain.RadiusAttribute;
import io.moonknight.plans.domain.VendorProfile;
import io.moonknight.plans.internal.PlanDraft;
import io.moonknight.plans.internal.PlanService;
import io.moonknight.plans.internal.PlanView;
import io.moonknight.shared.web.PageResponse;
import io.moonknight.shared.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
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
@RequestMapping("/api/v1/plans")
@Tag(name = "Plans", description = "Service plans: price, speeds, bursts, fair-use and time-of-day rules")
class PlanApiController {

    private final PlanService plans;

    PlanApiController(PlanService plans) {
        this.plans = plans;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('plans:read')")
    @Operation(summary = "List plans", description = "Active plans first, cheapest first; `q` matches name or code")
    PageResponse<PlanView> list(
            @RequestParam(required = false) @Nullable PlanStatus status,
            @RequestParam(required = false) @Nullable BillingType billingType,
            @RequestParam(required = false) @Nullable @Size(max = 80) String q,
            @ParameterObject Pageable pageable) {
        var page = Paging.restrict(pageable, Map.of(), Sort.unsorted());
        return PageResponse.of(plans.list(status, billingType, q, page));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('plans:write')")
    @Operation(summary = "Create a plan", description = "Speeds in kbit/s; codes are unique per tenant")
    ResponseEntity<PlanView> create(@Valid @RequestBody PlanDraft draft) {
        var plan = plans.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/plans/" + plan.id())).body(plan);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('plans:read')")
    @Operation(summary = "Get a plan")
    PlanView get(@PathVariable UUID id) {
        return plans.get(id);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('plans:write')")
    @Operation(
            summary = "Change a plan",
            description = "Subscriptions on the plan get the new speeds at their next session or CoA")
    PlanView update(@PathVariable UUID id, @Valid @RequestBody PlanDraft draft) {
        return plans.update(id, draft);
    }

    @PostMapping("/{id}/archive")
    @PreAuthorize("hasAuthority('plans:write')")
    @Operation(summary = "Archive a plan", description = "It keeps its subscriptions but is no longer sold")
    PlanView archive(@PathVariable UUID id) {
        return plans.setStatus(id, PlanStatus.ARCHIVED);
    }

    @PostMapping("/{id}/restore")
    @PreAuthorize("hasAuthority('plans:write')")
    @Operation(summary = "Sell an archived plan again")
    PlanView restore(@PathVariable UUID id) {
        return plans.setStatus(id, PlanStatus.ACTIVE);
    }

    @GetMapping("/{id}/radius-attributes")
    @PreAuthorize("hasAuthority('plans:read')")
    @Operation(
            summary = "The plan as RADIUS reply attributes",
            description = "For a vendor profile, at a local time (now when left out) and after `usedBytes` in the"
                    + " cycle, so time-of-day and fair-use rules can be previewed")
    PageResponse<RadiusAttribute> radiusAttributes(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "MIKROTIK") VendorProfile vendor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable
                    LocalDateTime at,
            @RequestParam(defaultValue = "0") @PositiveOrZero long usedBytes) {
        return PageResponse.all(plans.radiusAttributes(id, vendor, at, usedBytes));
    }
}
