package io.moonknight.identity.web;

import io.moonknight.identity.internal.SessionService;
import io.moonknight.identity.internal.TwoFactorService;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.web.PageResponse;
import io.moonknight.shared.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own security: two-factor authentication and login sessions. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Me", description = "The authenticated caller")
@PreAuthorize("isAuthenticated()")
class MeSecurityApiController {

    private final TwoFactorService twoFactor;
    private final SessionService sessions;

    MeSecurityApiController(TwoFactorService twoFactor, SessionService sessions) {
        this.twoFactor = twoFactor;
        this.sessions = sessions;
    }

    record CodeRequest(
            @Schema(
                    example = "123456",
                    description = "A current TOTP code (or, where accepted, an unused recovery code)")
            @NotBlank
            @Size(max = 20)
            String code) {}

    record RecoveryCodes(List<String> recoveryCodes) {}

    @GetMapping("/two-factor")
    @Operation(
            summary = "My two-factor status",
            description = "Whether it is on, whether a role requires it, recovery codes left")
    TwoFactorService.Status status(@AuthenticationPrincipal Actor me) {
        return twoFactor.status(me);
    }

    @PostMapping("/two-factor/enrolment")
    @Operation(
            summary = "Start two-factor enrolment",
            description = "Returns the secret, the otpauth URI and its QR code")
    TwoFactorService.Enrolment enrol(@AuthenticationPrincipal Actor me) {
        return twoFactor.startEnrolment(me);
    }

    @PostMapping("/two-factor/enrolment/confirm")
    @Operation(
            summary = "Confirm enrolment with a code",
            description = "Turns two-factor on; returns ten recovery codes, shown once")
    RecoveryCodes confirm(@AuthenticationPrincipal Actor me, @Valid @RequestBody CodeRequest request) {
        return new RecoveryCodes(twoFactor.confirmEnrolment(me, request.code()));
    }

    @PostMapping("/two-factor/recovery-codes")
    @Operation(
            summary = "Replace my recovery codes",
            description = "Needs a current code; the old recovery codes stop working")
    RecoveryCodes regenerate(@AuthenticationPrincipal Actor me, @Valid @RequestBody CodeRequest request) {
        return new RecoveryCodes(twoFactor.regenerateRecoveryCodes(me, request.code()));
    }

    @PostMapping("/two-factor/disable")
    @Operation(
            summary = "Turn two-factor off",
            description = "Needs a current code; refused while one of my roles requires it")
    ResponseEntity<Void> disable(@AuthenticationPrincipal Actor me, @Valid @RequestBody CodeRequest request) {
        twoFactor.disable(me, request.code());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/sessions")
    @Operation(
            summary = "My active sessions",
            description = "Console sessions and API refresh-token families, current one marked")
    PageResponse<SessionService.SessionInfo> mySessions(
            @AuthenticationPrincipal Actor me, @ParameterObject Pageable pageable) {
        return PageResponse.of(sessions.mine(me), Paging.restrict(pageable, Map.of(), Sort.unsorted()));
    }

    @DeleteMapping("/sessions/{id}")
    @Operation(summary = "End one of my sessions")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal Actor me, @PathVariable UUID id) {
        sessions.revokeMine(me, id);
        return ResponseEntity.noContent().build();
    }
}
