package io.moonknight.identity.web;

import io.moonknight.identity.internal.NewUser;
import io.moonknight.identity.internal.SessionService;
import io.moonknight.identity.internal.TwoFactorService;
import io.moonknight.identity.internal.UserProfile;
import io.moonknight.identity.internal.UserService;
import io.moonknight.identity.internal.UserStatus;
import io.moonknight.identity.internal.UserView;
import io.moonknight.identity.internal.Username;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.values.EmailAddress;
import io.moonknight.shared.values.PhoneNumber;
import io.moonknight.shared.web.Fields;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Staff users", description = "The tenant's staff logins")
class UserApiController {

    private static final Map<String, String> SORTABLE = Map.of(
            "username",
            "username",
            "fullName",
            "fullName",
            "email",
            "email",
            "createdAt",
            "createdAt",
            "lastLoginAt",
            "lastLoginAt");

    private final UserService users;
    private final SessionService sessions;
    private final TwoFactorService twoFactor;

    UserApiController(UserService users, SessionService sessions, TwoFactorService twoFactor) {
        this.users = users;
        this.sessions = sessions;
        this.twoFactor = twoFactor;
    }

    record CreateUserRequest(
            @Schema(example = "nadia.rahman") @NotBlank @Size(max = 64)
            String username,

            @Schema(example = "nadia@isp.example") @NotBlank @Size(max = 254)
            String email,

            @Schema(example = "Nadia Rahman") @NotBlank @Size(max = 120)
            String fullName,

            @Schema(example = "+880 1711-123456") @Nullable @Size(max = 30)
            String phone,

            @Schema(example = "correct-horse-battery-9") @NotBlank @Size(max = 256)
            String password,

            @NotNull @Size(max = 20) Set<@NotNull UUID> roleIds) {}

    record UpdateUserRequest(
            @Schema(example = "nadia@isp.example") @NotBlank @Size(max = 254)
            String email,

            @Schema(example = "Nadia Rahman") @NotBlank @Size(max = 120)
            String fullName,

            @Schema(example = "+880 1711-123456") @Nullable @Size(max = 30)
            String phone) {}

    record PasswordRequest(
            @Schema(example = "correct-horse-battery-9") @NotBlank @Size(max = 256)
            String password) {}

    record RolesRequest(@NotNull @Size(max = 20) Set<@NotNull UUID> roleIds) {}

    @GetMapping
    @PreAuthorize("hasAuthority('users:read')")
    @Operation(summary = "List staff users", description = "Search username, name and email; filter by status and role")
    PageResponse<UserView> list(
            @RequestParam(required = false) @Nullable @Size(max = 100) String q,
            @RequestParam(required = false) @Nullable UserStatus status,
            @RequestParam(required = false) @Nullable UUID roleId,
            @ParameterObject Pageable pageable) {
        var page = Paging.restrict(pageable, SORTABLE, Sort.by("username"));
        return PageResponse.of(users.search(q, status, roleId, page));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('users:manage')")
    @Operation(
            summary = "Create a staff user",
            description = "The roles may not grant a permission you do not hold (403 privilege-escalation)")
    ResponseEntity<UserView> create(@AuthenticationPrincipal Actor me, @Valid @RequestBody CreateUserRequest request) {
        var user = users.create(
                me,
                new NewUser(
                        Fields.parse("username", request.username(), Username::parse),
                        profile(request.email(), request.fullName(), request.phone()),
                        request.password(),
                        request.roleIds()));
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(user);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('users:read')")
    @Operation(summary = "Get a staff user")
    UserView get(@PathVariable UUID id) {
        return users.get(id);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('users:manage')")
    @Operation(
            summary = "Change a user's contact details",
            description = "Only if you hold every permission the user holds (403 privilege-escalation)")
    UserView update(
            @PathVariable UUID id, @AuthenticationPrincipal Actor me, @Valid @RequestBody UpdateUserRequest request) {
        return users.changeProfile(me, id, profile(request.email(), request.fullName(), request.phone()));
    }

    @PostMapping("/{id}/disable")
    @PreAuthorize("hasAuthority('users:manage')")
    @Operation(
            summary = "Disable a user",
            description = "Ends the user's sessions and revokes the API keys they created; refused for yourself (409),"
                    + " for a user holding a permission you do not hold (403) and for the last active Admin (409)")
    UserView disable(@PathVariable UUID id, @AuthenticationPrincipal Actor me) {
        return users.disable(id, me);
    }

    @PostMapping("/{id}/enable")
    @PreAuthorize("hasAuthority('users:manage')")
    @Operation(summary = "Enable a disabled user")
    UserView enable(@PathVariable UUID id, @AuthenticationPrincipal Actor me) {
        return users.enable(me, id);
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize("hasAuthority('users:manage')")
    @Operation(
            summary = "Unlock a user locked out by failed logins",
            description = "Clears the user's failed-login counts from every address (`lockedUntil` shows a lock)")
    UserView unlock(@PathVariable UUID id, @AuthenticationPrincipal Actor me) {
        return users.unlock(me, id);
    }

    @PostMapping("/{id}/password")
    @PreAuthorize("hasAuthority('users:manage')")
    @Operation(
            summary = "Reset a user's password",
            description = "Ends the user's sessions; only if you hold every permission the user holds (403)")
    ResponseEntity<Void> resetPassword(
            @PathVariable UUID id, @AuthenticationPrincipal Actor me, @Valid @RequestBody PasswordRequest request) {
        users.resetPassword(me, id, request.password());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/roles")
    @PreAuthorize("hasAuthority('users:manage')")
    @Operation(
            summary = "Replace a user's roles",
            description = "Not your own; you must hold every permission the user holds now and every permission"
                    + " the new roles grant (403 privilege-escalation); the tenant keeps an active Admin (409)")
    UserView assignRoles(
            @PathVariable UUID id, @AuthenticationPrincipal Actor me, @Valid @RequestBody RolesRequest request) {
        return users.assignRoles(me, id, request.roleIds());
    }

    @GetMapping("/{id}/sessions")
    @PreAuthorize("hasAuthority('users:read')")
    @Operation(summary = "A user's active sessions")
    PageResponse<SessionService.SessionInfo> sessions(@PathVariable UUID id, @ParameterObject Pageable pageable) {
        return PageResponse.of(sessions.ofUser(id), Paging.restrict(pageable, Map.of(), Sort.unsorted()));
    }

    @PostMapping("/{id}/logout")
    @PreAuthorize("hasAuthority('users:manage')")
    @Operation(summary = "Force-logout a user", description = "Ends every session of the user at once")
    ResponseEntity<Void> forceLogout(@PathVariable UUID id, @AuthenticationPrincipal Actor me) {
        sessions.forceLogout(me, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/two-factor/reset")
    @PreAuthorize("hasAuthority('users:manage')")
    @Operation(
            summary = "Reset a user's two-factor authentication",
            description = "For a lost phone: clears the secret and recovery codes and ends the user's sessions")
    ResponseEntity<Void> resetTwoFactor(@PathVariable UUID id, @AuthenticationPrincipal Actor me) {
        twoFactor.reset(me, id);
        return ResponseEntity.noContent().build();
    }

    static UserProfile profile(String email, String fullName, @Nullable String phone) {
        return new UserProfile(
                Fields.parse("email", email, EmailAddress::new),
                Fields.parse("fullName", fullName, UserProfile::fullName),
                phone == null || phone.isBlank() ? null : Fields.parse("phone", phone, PhoneNumber::new));
    }
}
