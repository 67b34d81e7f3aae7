package io.moonknight.identity.security;

import io.moonknight.identity.internal.LoginResult;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/** A wrong password goes back to the login page; a pending second factor goes on to the code page. */
final class ConsoleLoginFailureHandler extends SimpleUrlAuthenticationFailureHandler {

    static final String MFA_TOKEN = LoginResult.CONSOLE_MFA_TOKEN;

    ConsoleLoginFailureHandler() {
        super("/login?error");
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        if (failure instanceof SecondFactorPendingException pending) {
            request.getSession(true).setAttribute(MFA_TOKEN, pending.mfaToken());
            response.sendRedirect(
                    request.getContextPath() + (pending.enrolment() ? "/login/two-factor/enrol" : "/login/two-factor"));
            return;
        }
        super.onAuthenticationFailure(request, response, failure);
    }
}
