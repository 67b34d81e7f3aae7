package io.moonknight.identity.security;

import io.moonknight.identity.internal.ActorResolver;
import io.moonknight.identity.internal.ApiKeyService;
import io.moonknight.identity.internal.ClientInfo;
import io.moonknight.shared.security.ActorAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The API's credentials: a JWT access token, or an API key ({@code mk_live_…}) sent as a bearer token or in
 * {@code X-API-Key}.
 */
final class ApiBearerAuthentication implements AuthenticationManager, BearerTokenResolver {

    static final String API_KEY_HEADER = "X-API-Key";

    private final JwtAuthenticationProvider jwt;
    private final ApiKeyService apiKeys;
    private final DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();

    ApiBearerAuthentication(JwtAuthenticationProvider jwt, ApiKeyService apiKeys) {
        this.jwt = jwt;
        this.apiKeys = apiKeys;
    }

    @Override
    public @Nullable String resolve(HttpServletRequest request) {
        String token = bearer.resolve(request);
        if (token != null) {
            return token;
        }
        String key = request.getHeader(API_KEY_HEADER);
        return key == null || key.isBlank() ? null : key.strip();
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (authentication instanceof BearerTokenAuthenticationToken token
                && token.getToken().startsWith(ApiKeyService.PREFIX)) {
            var resolution = apiKeys.authenticate(token.getToken(), client());
            return switch (resolution) {
                case ActorResolver.Resolution.Resolved resolved -> new ActorAuthentication(resolved.actor(), "api-key");
                case ActorResolver.Resolution.Rejected rejected ->
                    throw new ProblemAuthenticationException(rejected.problem());
            };
        }
        return jwt.authenticate(authentication);
    }

    private static ClientInfo client() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            var request = attributes.getRequest();
            return new ClientInfo(
                    request.getRemoteAddr(), Objects.requireNonNullElse(request.getHeader("User-Agent"), ""));
        }
        return new ClientInfo("unknown", "");
    }
}
