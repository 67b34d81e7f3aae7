package io.moonknight.identity.security;

import org.springframework.security.core.AuthenticationException;

/** The console password step succeeded; the login continues on the two-factor page. */
final class SecondFactorPendingException extends AuthenticationException {

    private final String mfaToken;
    private final boolean enrolment;

    SecondFactorPendingException(String mfaToken, boolean enrolment) {
        super("A second factor is required");
        this.mfaToken = mfaToken;
        this.enrolment = enrolment;
    }

    String mfaToken() {
        return mfaToken;
    }

    boolean enrolment() {
        return enrolment;
    }
}
