package io.moonknight.identity.security;

import io.moonknight.identity.internal.AuthService;
import io.moonknight.identity.internal.Channel;
import io.moonknight.identity.internal.LoginAttempt;
import io.moonknight.identity.internal.LoginResult;
import io.moonknight.shared.security.ActorAuthentication;
import io.moonknight.shared.web.ProblemException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/** The console's form login: tenant + username + password, checked by {@link AuthService}. */
final class ConsoleAuthenticationProvider implements AuthenticationProvider {

    private final AuthService auth;

    ConsoleAuthenticationProvider(AuthService auth) {
        this.auth = auth;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication.getDetails() instanceof ConsoleLoginDetails details)) {
            throw new BadCredentialsException("Login details are missing");
        }
        String username = String.valueOf(authentication.getName());
        String password = String.valueOf(authentication.getCredentials());
        LoginResult result;
        try {
            result = auth.login(
                    new LoginAttempt(details.tenant(), username, password, Channel.CONSOLE, details.client()));
        } catch (ProblemException problem) {
            throw switch (problem.type()) {
                case "invalid-credentials" -> new BadCredentialsException("The ISP, username or password is wrong.");
                case "too-many-attempts" -> new LockedException(problem.detail());
                default -> new DisabledException(problem.detail());
            };
        }
        return switch (result) {
            case LoginResult.Authenticated authenticated -> ActorAuthentication.of(authenticated.actor());
            case LoginResult.SecondFactorRequired pending ->
                throw new SecondFactorPendingException(pending.mfaToken(), pending.enrolment());
        };
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
