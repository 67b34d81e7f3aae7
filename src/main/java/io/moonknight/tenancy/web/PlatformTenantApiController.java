package io.moonknight.tenancy.web;

import io.moonknight.shared.security.PlatformPermissions;
import io.moonknight.shared.web.PageResponse;
import io.moonknight.shared.web.Paging;
import io.moonknight.tenancy.TenantStatus;
import io.moonknight.tenancy.internal.TenantService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
@RequestMapping("/api/v1/platform/tenants")
@Tag(name = "Platform: tenants", description = "The platform operator manages the ISPs this deployment serves")
class PlatformTenantApiController {

    private static final Map<String, String> SORTABLE =
            Map.of("slug", "slug", "name", "name", "createdAt", "createdAt", "status", "status");

    private final TenantService tenants;

    PlatformTenantApiController(TenantService tenants) {
        this.tenants = tenants;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('" + PlatformPermissions.TENANTS_READ + "')")
    @Operation(summary = "List tenants", description = "Search by name or slug; filter by status")
    PageResponse<TenantResponse> list(
            @RequestParam(required = false) @Nullable @Size(max = 100) String q,
            @RequestParam(required = false) @Nullable TenantStatus status,
            @ParameterObject Pageable pageable) {
        var page = Paging.restrict(pageable, SORTABLE, Sort.by("createdAt").descending());
        return PageResponse.of(tenants.search(q, status, page), TenantResponse::of);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('" + PlatformPermissions.TENANTS_MANAGE + "')")
    @Operation(summary = "Create a tenant and its first admin")
    ResponseEntity<TenantResponse> create(@Valid @RequestBody TenantRequests.CreateTenant request) {
        var tenant = tenants.create(
                request.tenantSlug(), request.settings(), request.admin().firstAdmin());
        return ResponseEntity.created(URI.create("/api/v1/platform/tenants/" + tenant.id()))
                .body(TenantResponse.of(tenant));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('" + PlatformPermissions.TENANTS_READ + "')")
    @Operation(summary = "Get a tenant")
    TenantResponse get(@PathVariable UUID id) {
        return TenantResponse.of(tenants.get(id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('" + PlatformPermissions.TENANTS_MANAGE + "')")
    @Operation(summary = "Change a tenant's settings")
    TenantResponse update(@PathVariable UUID id, @Valid @RequestBody TenantRequests.UpdateSettings request) {
        return TenantResponse.of(tenants.changeSettings(id, request.settings()));
    }

    @PostMapping("/{id}/suspend")
    @PreAuthorize("hasAuthority('" + PlatformPermissions.TENANTS_MANAGE + "')")
    @Operation(summary = "Suspend a tenant", description = "Its users can no longer log in and are told why")
    TenantResponse suspend(@PathVariable UUID id, @Valid @RequestBody TenantRequests.Suspend request) {
        return TenantResponse.of(tenants.suspend(id, request.reason().strip()));
    }

    @PostMapping("/{id}/activate")
    @PreAuthorize("hasAuthority('" + PlatformPermissions.TENANTS_MANAGE + "')")
    @Operation(summary = "Reactivate a suspended tenant")
    TenantResponse activate(@PathVariable UUID id) {
        return TenantResponse.of(tenants.reactivate(id));
    }
}
