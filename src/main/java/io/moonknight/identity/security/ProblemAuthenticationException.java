package io.moonknight.identity.security;

import io.moonknight.shared.web.ProblemException;
import org.springframework.security.core.AuthenticationException;

/** An authentication failure that knows the problem detail to answer with. */
final class ProblemAuthenticationException extends AuthenticationException {

    private final transient ProblemException problem;

    ProblemAuthenticationException(ProblemException problem) {
        super(problem.detail());
        this.problem = problem;
    }

    ProblemException problem() {
        return problem;
    }
}
