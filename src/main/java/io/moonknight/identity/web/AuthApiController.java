package io.moonknight.identity.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.moonknight.identity.internal.AuthService;
import io.moonknight.identity.internal.Channel;
import io.moonknight.identity.internal.LoginAttempt;
import io.moonknight.identity.internal.LoginResult;
import io.moonknight.identity.internal.TokenPair;
import io.moonknight.identity.internal.TwoFactorService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication", description = "Log in (with a second factor when on), rotate refresh tokens, log out")
@SecurityRequirements
class AuthApiController {

    private final AuthService auth;

    AuthApiController(AuthService auth) {
        this.auth = auth;
    }

    record LoginRequest(
            @Schema(example = "demo") @Nullable @Size(max = 63)
            String tenant,

            @Schema(example = "admin") @NotBlank @Size(max = 254)
            String username,

            @Schema(example = "moonknight-demo") @NotBlank @Size(max = 128)
            String password) {}

    record RefreshRequest(
            @Schema(example = "mkr_Jt3…") @NotBlank @Size(max = 200)
            String refreshToken) {}

    record MfaRequest(
            @Schema(example = "mkm_9aP…") @NotBlank @Size(max = 200)
            String mfaToken,

            @Schema(example = "123456", description = "A current TOTP code or an unused recovery code")
            @NotBlank
            @Size(max = 20)
            String code) {}

    record MfaTokenRequest(
            @Schema(example = "mkm_9aP…") @NotBlank @Size(max = 200)
            String mfaToken) {}

    /**
     * Either tokens, or (when {@code mfaRequired}) an {@code mfaToken} to complete with {@code POST /auth/mfa};
     * {@code enrolmentRequired} means the user must first set up two-factor ({@code /auth/mfa/enrolment}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LoginResponse(
            @Nullable String accessToken,
            @Nullable String refreshToken,
            long expiresIn,
            @Nullable String tokenType,
            boolean mfaRequired,
            @Nullable String mfaToken,
            boolean enrolmentRequired,
            @Nullable List<String> recoveryCodes) {

        static LoginResponse of(TokenPair tokens) {
            return of(tokens, null);
        }

        static LoginResponse of(TokenPair tokens, @Nullable List<String> recoveryCodes) {
            return new LoginResponse(
                    tokens.accessToken(),
                    tokens.refreshToken(),
                    tokens.expiresIn(),
                    "Bearer",
                    false,
                    null,
                    false,
                    recoveryCodes);
        }
    }

    @PostMapping("/login")
    @Operation(
            summary = "Log in",
            description = "Staff log in with their tenant's slug; the platform operator leaves `tenant` out. An unknown"
                    + " tenant, unknown user and wrong password get the same 401. When two-factor is on the answer"
                    + " holds an `mfaToken` instead of tokens. Repeated failures lock the account or address for a"
                    + " while (429 with Retry-After).")
    LoginResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        var result = auth.login(new LoginAttempt(
                request.tenant(), request.username(), request.password(), Channel.API, Clients.of(http)));
        return switch (result) {
            case LoginResult.Authenticated authenticated -> LoginResponse.of(auth.issueTokens(authenticated.actor()));
            case LoginResult.SecondFactorRequired pending ->
                new LoginResponse(
                        null, null, pending.expiresIn(), null, true, pending.mfaToken(), pending.enrolment(), null);
        };
    }

    @PostMapping("/mfa")
    @Operation(
            summary = "Complete a login with a second factor",
            description = "A current TOTP code or an unused recovery code")
    LoginResponse mfa(@Valid @RequestBody MfaRequest request, HttpServletRequest http) {
        var actor = auth.completeSecondFactor(request.mfaToken(), request.code(), Clients.of(http));
        return LoginResponse.of(auth.issueTokens(actor));
    }

    @PostMapping("/mfa/enrolment")
    @Operation(
            summary = "Start the two-factor enrolment a role requires",
            description = "Returns the secret and a QR code for an authenticator app")
    TwoFactorService.Enrolment enrolment(@Valid @RequestBody MfaTokenRequest request) {
        return auth.startEnrolment(request.mfaToken());
    }

    @PostMapping("/mfa/enrolment/confirm")
    @Operation(
            summary = "Finish the enrolment and log in",
            description = "Returns tokens and the ten recovery codes, shown this once")
    LoginResponse confirmEnrolment(@Valid @RequestBody MfaRequest request, HttpServletRequest http) {
        var enrolled = auth.completeEnrolment(request.mfaToken(), request.code(), Clients.of(http));
        return LoginResponse.of(auth.issueTokens(enrolled.actor()), enrolled.recoveryCodes());
    }

    @PostMapping("/refresh")
    @Operation(
            summary = "Rotate a refresh token",
            description = "Returns a new access token and a new refresh token; the old refresh token is spent. "
                    + "Presenting a spent refresh token again revokes the whole session.")
    LoginResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return LoginResponse.of(auth.refresh(request.refreshToken()));
    }

    @PostMapping("/logout")
    @Operation(summary = "Log out", description = "Ends the session the refresh token belongs to")
    ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest request) {
        auth.logout(request.refreshToken());
        return ResponseEntity.noContent().build();
    }
}
