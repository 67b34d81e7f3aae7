package io.moonknight.identity.web;

import io.moonknight.identity.internal.AuthService;
import io.moonknight.identity.internal.Channel;
import io.moonknight.identity.internal.LoginAttempt;
import io.moonknight.identity.internal.TokenPair;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication", description = "Log in, rotate refresh tokens, log out")
@SecurityRequirements
class AuthApiController {

    private final AuthService auth;

    AuthApiController(AuthService auth) {
        this.auth = auth;
    }

    record LoginRequest(
            @Nullable @Size(max = 63) String tenant,
            @NotBlank @Size(max = 254) String username,
            @NotBlank @Size(max = 128) String password) {}

    record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {}

    record TokenResponse(String accessToken, String refreshToken, long expiresIn, String tokenType) {

        static TokenResponse of(TokenPair tokens) {
            return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn(), "Bearer");
        }
    }

    @PostMapping("/login")
    @Operation(
            summary = "Log in",
            description = "Staff log in with their tenant's slug; the platform operator leaves `tenant` out. "
                    + "An unknown tenant, unknown user and wrong password get the same 401.")
    TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        var actor = auth.login(new LoginAttempt(
                request.tenant(), request.username(), request.password(), Channel.API, Clients.of(http)));
        return TokenResponse.of(auth.issueTokens(actor));
    }

    @PostMapping("/refresh")
    @Operation(
            summary = "Rotate a refresh token",
            description = "Returns a new access token and a new refresh token; the old refresh token is spent. "
                    + "Presenting a spent refresh token again revokes the whole session.")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return TokenResponse.of(auth.refresh(request.refreshToken()));
    }

    @PostMapping("/logout")
    @Operation(summary = "Log out", description = "Ends the session the refresh token belongs to")
    ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest request) {
        auth.logout(request.refreshToken());
        return ResponseEntity.noContent().build();
    }
}
