package io.moonknight.shared.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated {@link Actor}; its permissions are its granted authorities. */
public final class ActorAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;
    private final String credentialKind;

    public ActorAuthentication(Actor actor, String credentialKind) {
        super(actor.permissions().stream()
                .sorted()
                .map(SimpleGrantedAuthority::new)
                .toList());
        this.actor = actor;
        this.credentialKind = credentialKind;
        setAuthenticated(true);
    }

    public static ActorAuthentication of(Actor actor) {
        return new ActorAuthentication(actor, "session");
    }

    public Actor actor() {
        return actor;
    }

    /** How the actor proved itself: {@code session}, {@code jwt}, {@code api-key}. */
    public String credentialKind() {
        return credentialKind;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Actor getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor.username();
    }
}
