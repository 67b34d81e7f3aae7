package io.moonknight.identity.internal;

import io.moonknight.identity.domain.PasswordPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Checks new passwords against the policy and hashes them. */
@Component
class PasswordService {

    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;

    PasswordService(PasswordPolicy policy, PasswordEncoder encoder) {
        this.policy = policy;
        this.encoder = encoder;
    }

    /** Throws a 400 naming {@code field} with every rule the password breaks. */
    void check(String field, String password, String username) {
        var violations = policy.violations(password, username);
        if (!violations.isEmpty()) {
            throw IdentityProblems.weakPassword(field, violations);
        }
    }

    String hash(String field, String password, String username) {
        check(field, password, username);
        return java.util.Objects.requireNonNull(encoder.encode(password));
    }

    boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }
}
