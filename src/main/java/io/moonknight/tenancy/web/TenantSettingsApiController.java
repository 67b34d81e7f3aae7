package io.moonknight.tenancy.web;

import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.tenancy.internal.TenantService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tenant")
@Tag(name = "Tenant", description = "The caller's own tenant")
class TenantSettingsApiController {

    private final TenantService tenants;

    TenantSettingsApiController(TenantService tenants) {
        this.tenants = tenants;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('tenant:read')")
    @Operation(summary = "The caller's tenant")
    TenantResponse get() {
        return TenantResponse.of(tenants.get(TenantContext.require()));
    }

    @PutMapping
    @PreAuthorize("hasAuthority('tenant:settings')")
    @Operation(summary = "Change the caller's tenant settings")
    TenantResponse update(@Valid @RequestBody TenantRequests.UpdateSettings request) {
        return TenantResponse.of(tenants.changeSettings(TenantContext.require(), request.settings()));
    }
}
