package io.moonknight.identity.internal;

import io.moonknight.shared.security.Actor;

/** What a correct password leads to: a session, or a second step first. */
public sealed interface LoginResult {

    /** The HTTP-session attribute holding a console login's pending MFA token between the two steps. */
    String CONSOLE_MFA_TOKEN = "moonknight.mfaToken";

    /** Logged in; the actor carries the new session. */
    record Authenticated(Actor actor) implements LoginResult {}

    /**
     * The password was right; a code is needed next ({@code enrolment}: the user must first set up
     * two-factor authentication because a role requires it).
     */
    record SecondFactorRequired(String mfaToken, boolean enrolment, long expiresIn) implements LoginResult {}
}
