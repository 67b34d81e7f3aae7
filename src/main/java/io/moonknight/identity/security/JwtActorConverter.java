package io.moonknight.identity.security;

import io.moonknight.identity.internal.AccessTokens;
import io.moonknight.identity.internal.ActorResolver;
import io.moonknight.shared.security.ActorAuthentication;
import io.moonknight.shared.security.ActorType;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** A verified access token becomes the live actor it names, or is refused. */
final class JwtActorConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final ActorResolver actors;

    JwtActorConverter(ActorResolver actors) {
        this.actors = actors;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String typeClaim = jwt.getClaimAsString(AccessTokens.CLAIM_TYPE);
        String subjectClaim = jwt.getSubject();
        if (typeClaim == null || subjectClaim == null) {
            throw new InvalidBearerTokenException("The access token does not name an actor");
        }
        ActorType type;
        UUID subject;
        try {
            type = ActorType.valueOf(typeClaim);
            subject = UUID.fromString(subjectClaim);
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException("The access token does not name an actor");
        }
        var resolution = actors.resolve(
                type,
                subject,
                uuid(jwt.getClaimAsString(AccessTokens.CLAIM_TENANT)),
                uuid(jwt.getClaimAsString(AccessTokens.CLAIM_SESSION)));
        return switch (resolution) {
            case ActorResolver.Resolution.Resolved resolved -> new ActorAuthentication(resolved.actor(), "jwt");
            case ActorResolver.Resolution.Rejected rejected ->
                throw new ProblemAuthenticationException(rejected.problem());
        };
    }

    private static @Nullable UUID uuid(@Nullable String value) {
        return value == null ? null : UUID.fromString(value);
    }
}
