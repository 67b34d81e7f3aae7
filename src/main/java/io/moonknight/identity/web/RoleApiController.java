package io.moonknight.identity.web;

import io.moonknight.identity.internal.PermissionCatalog;
import io.moonknight.identity.internal.RoleService;
import io.moonknight.identity.internal.RoleView;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.security.BuiltInRole;
import io.moonknight.shared.web.PageResponse;
import io.moonknight.shared.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Roles and permissions", description = "Built-in roles and the tenant's custom roles")
class RoleApiController {

    private final RoleService roles;
    private final PermissionCatalog catalog;

    RoleApiController(RoleService roles, PermissionCatalog catalog) {
        this.roles = roles;
        this.catalog = catalog;
    }

    record RoleRequest(
            @Schema(example = "Field supervisor") @NotBlank @Size(max = 60)
            String name,

            @Schema(example = "Sees staff and the tenant settings") @Nullable @Size(max = 300)
            String description,

            @NotNull @Size(max = 500) Set<@NotBlank @Size(max = 64) String> permissions) {}

    record PermissionResponse(String name, String description, List<BuiltInRole> builtInRoles) {}

    record PermissionGroupResponse(String module, List<PermissionResponse> permissions) {}

    @GetMapping("/api/v1/roles")
    @PreAuthorize("hasAnyAuthority('roles:manage', 'users:read')")
    @Operation(summary = "List roles", description = "Built-in roles first, with their effective permissions")
    PageResponse<RoleView> list(@ParameterObject Pageable pageable) {
        var page = Paging.restrict(pageable, Map.of("name", "name"), Sort.by("builtin", "name"));
        return PageResponse.of(roles.list(page));
    }

    @GetMapping("/api/v1/roles/{id}")
    @PreAuthorize("hasAnyAuthority('roles:manage', 'users:read')")
    @Operation(summary = "Get a role")
    RoleView get(@PathVariable UUID id) {
        return roles.get(id);
    }

    @PostMapping("/api/v1/roles")
    @PreAuthorize("hasAuthority('roles:manage')")
    @Operation(
            summary = "Create a custom role",
            description = "It may not grant a permission you do not hold (403 privilege-escalation)")
    ResponseEntity<RoleView> create(@AuthenticationPrincipal Actor me, @Valid @RequestBody RoleRequest request) {
        var role = roles.create(me, request.name(), request.description(), request.permissions());
        return ResponseEntity.created(URI.create("/api/v1/roles/" + role.id())).body(role);
    }

    @PutMapping("/api/v1/roles/{id}")
    @PreAuthorize("hasAuthority('roles:manage')")
    @Operation(
            summary = "Change a custom role",
            description = "Built-in roles cannot be changed (409); you must hold every permission the role grants"
                    + " before and after (403 privilege-escalation)")
    RoleView update(@PathVariable UUID id, @AuthenticationPrincipal Actor me, @Valid @RequestBody RoleRequest request) {
        return roles.update(me, id, request.name(), request.description(), request.permissions());
    }

    record TwoFactorRequirement(@NotNull Boolean required) {}

    @PutMapping("/api/v1/roles/{id}/two-factor")
    @PreAuthorize("hasAuthority('roles:manage')")
    @Operation(
            summary = "Require two-factor authentication of a role",
            description = "Built-in roles included; users holding the role must enrol at their next login")
    RoleView requireTwoFactor(
            @AuthenticationPrincipal Actor me,
            @PathVariable UUID id,
            @Valid @RequestBody TwoFactorRequirement request) {
        return roles.requireTwoFactor(me, id, request.required());
    }

    @DeleteMapping("/api/v1/roles/{id}")
    @PreAuthorize("hasAuthority('roles:manage')")
    @Operation(summary = "Delete a custom role", description = "Refused (409) while users hold it")
    ResponseEntity<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal Actor me) {
        roles.delete(me, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/permissions")
    @PreAuthorize("hasAnyAuthority('roles:manage', 'users:read')")
    @Operation(
            summary = "List every permission",
            description = "Grouped by module, with the built-in roles that hold each")
    PageResponse<PermissionGroupResponse> permissions() {
        return PageResponse.all(catalog.groups().stream()
                .map(group -> new PermissionGroupResponse(
                        group.module(),
                        group.permissions().stream()
                                .map(p -> new PermissionResponse(
                                        p.name(),
                                        p.description(),
                                        java.util.Arrays.stream(BuiltInRole.values())
                                                .filter(role ->
                                                        catalog.grantedTo(role).contains(p.name()))
                                                .toList()))
                                .toList()))
                .toList());
    }
}
