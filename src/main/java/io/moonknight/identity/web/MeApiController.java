package io.moonknight.identity.web;

import io.moonknight.identity.internal.UserService;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.security.ActorType;
import io.moonknight.shared.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Me", description = "The authenticated caller")
class MeApiController {

    private final UserService users;

    MeApiController(UserService users) {
        this.users = users;
    }

    record TenantRef(UUID id, String slug, String name) {}

    record MeResponse(
            UUID id,
            ActorType type,
            String username,
            String displayName,
            @Nullable TenantRef tenant,
            List<String> permissions) {}

    record ChangePasswordRequest(
            @Schema(example = "moonknight-demo") @NotBlank @Size(max = 128)
            String currentPassword,

            @Schema(example = "correct-horse-battery-9") @NotBlank @Size(max = 256)
            String newPassword) {}

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Who am I", description = "The caller's identity, tenant and current permissions")
    MeResponse me(@AuthenticationPrincipal Actor me) {
        UUID tenantId = me.tenantId();
        TenantRef tenant = tenantId == null
                ? null
                : new TenantRef(tenantId, String.valueOf(me.tenantSlug()), String.valueOf(me.tenantName()));
        return new MeResponse(
                me.id(),
                me.type(),
                me.username(),
                me.displayName(),
                tenant,
                me.permissions().stream().sorted().toList());
    }

    @PostMapping("/password")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Change my password", description = "Ends the caller's other sessions")
    ResponseEntity<Void> changePassword(
            @AuthenticationPrincipal Actor me,
            @Valid @RequestBody ChangePasswordRequest request,
            jakarta.servlet.http.HttpServletRequest http) {
        if (me.type() != ActorType.STAFF) {
            throw ProblemException.conflict("not-a-staff-user", "Only staff users change their password here");
        }
        users.changeOwnPassword(me, request.currentPassword(), request.newPassword(), Clients.of(http));
        return ResponseEntity.noContent().build();
    }
}
