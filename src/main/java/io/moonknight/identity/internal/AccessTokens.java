package io.moonknight.identity.internal;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.moonknight.shared.config.MoonKnightProperties;
import io.moonknight.shared.security.Actor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Short-lived signed access tokens. They name the actor, tenant and session; permissions are included for
 * the client's information, while the server authorizes with the live permissions ({@link ActorResolver}).
 */
@Component
public class AccessTokens {

    public static final String ISSUER = "moonknight";
    public static final String CLAIM_TYPE = "typ";
    public static final String CLAIM_TENANT = "tid";
    public static final String CLAIM_TENANT_SLUG = "ten";
    public static final String CLAIM_SESSION = "sid";
    public static final String CLAIM_USERNAME = "usr";
    public static final String CLAIM_PERMISSIONS = "perms";

    private final JwtEncoder encoder;
    private final Duration ttl;
    private final Clock clock;

    AccessTokens(JwtKey key, MoonKnightProperties properties, Clock clock) {
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key.key()));
        this.ttl = properties.security().accessTokenTtl();
        this.clock = clock;
    }

    public String issue(Actor actor) {
        Instant now = clock.instant();
        var claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(actor.id().toString())
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .claim(CLAIM_TYPE, actor.type().name())
                .claim(CLAIM_USERNAME, actor.username())
                .claim(CLAIM_PERMISSIONS, actor.permissions().stream().sorted().toList());
        if (actor.tenantId() != null) {
            claims.claim(CLAIM_TENANT, actor.tenantId().toString());
            claims.claim(CLAIM_TENANT_SLUG, Objects.requireNonNull(actor.tenantSlug()));
        }
        if (actor.sessionId() != null) {
            claims.claim(CLAIM_SESSION, actor.sessionId().toString());
        }
        var header = JwsHeader.with(MacAlgorithm.HS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    public Duration ttl() {
        return ttl;
    }
}
