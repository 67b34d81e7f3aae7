package io.moonknight.identity.web;

import io.moonknight.identity.internal.AuthService;
import io.moonknight.identity.internal.LoginResult;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.security.ActorAuthentication;
import io.moonknight.shared.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console login's second step: a code from the authenticator app (or a recovery code), or, for a user
 * whose role requires two-factor and who has none yet, the enrolment. The pending login is an MFA token kept
 * in the HTTP session by the login form; this controller finishes it.
 */
@Controller
@RequestMapping("/login/two-factor")
class LoginTwoFactorController {

    static final String MFA_TOKEN = LoginResult.CONSOLE_MFA_TOKEN;

    private final AuthService auth;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    LoginTwoFactorController(AuthService auth) {
        this.auth = auth;
    }

    @GetMapping
    String codePage(HttpSession session) {
        return token(session) == null ? "redirect:/login" : "identity/login-two-factor";
    }

    @PostMapping
    String verify(
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String token = token(request.getSession());
        if (token == null) {
            return "redirect:/login";
        }
        try {
            Actor actor = auth.completeSecondFactor(
                    token, code.length() > 20 ? code.substring(0, 20) : code, Clients.of(request));
            signIn(actor, request, response);
            return "redirect:/";
        } catch (ProblemException problem) {
            return failed(problem, request, model, "identity/login-two-factor");
        }
    }

    @GetMapping("/enrol")
    String enrolPage(HttpSession session, Model model) {
        String token = token(session);
        if (token == null) {
            return "redirect:/login";
        }
        try {
            model.addAttribute("enrolment", auth.startEnrolment(token));
            return "identity/login-two-factor-enrol";
        } catch (ProblemException problem) {
            session.removeAttribute(MFA_TOKEN);
            return "redirect:/login?ended=" + problem.type();
        }
    }

    @PostMapping("/enrol")
    String enrol(
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String token = token(request.getSession());
        if (token == null) {
            return "redirect:/login";
        }
        try {
            var enrolled = auth.completeEnrolment(
                    token, code.length() > 20 ? code.substring(0, 20) : code, Clients.of(request));
            signIn(enrolled.actor(), request, response);
            model.addAttribute("recoveryCodes", enrolled.recoveryCodes());
            return "identity/recovery-codes";
        } catch (ProblemException problem) {
            model.addAttribute("enrolment", auth.startEnrolment(token));
            return failed(problem, request, model, "identity/login-two-factor-enrol");
        }
    }

    private String failed(ProblemException problem, HttpServletRequest request, Model model, String view) {
        if (problem.type().equals("invalid-mfa-token")) {
            request.getSession().removeAttribute(MFA_TOKEN);
            return "redirect:/login?ended=mfa-expired";
        }
        model.addAttribute(
                "error",
                problem.type().equals("validation")
                        ? "That code is not right. Try the current one."
                        : problem.detail());
        return view;
    }

    private void signIn(Actor actor, HttpServletRequest request, HttpServletResponse response) {
        request.getSession().removeAttribute(MFA_TOKEN);
        request.changeSessionId();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(ActorAuthentication.of(actor));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    private static @Nullable String token(HttpSession session) {
        return session.getAttribute(MFA_TOKEN) instanceof String token ? token : null;
    }
}
