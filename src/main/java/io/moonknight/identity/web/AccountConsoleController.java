package io.moonknight.identity.web;

import io.moonknight.identity.internal.SessionService;
import io.moonknight.identity.internal.TwoFactorService;
import io.moonknight.identity.internal.UserService;
import io.moonknight.identity.internal.UserView;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.web.ConsoleForm;
import io.moonknight.shared.web.FormValues;
import io.moonknight.shared.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A staff user's own account: profile and password. */
@Controller
@RequestMapping("/account")
@PreAuthorize("isAuthenticated() and (principal.tenantId != null or principal.operator)")
class AccountConsoleController {

    private final UserService users;
    private final TwoFactorService twoFactor;
    private final SessionService sessions;

    private final ConsoleForm<UserView> passwordForm = ConsoleForm.<UserView>of("identity/account", "me")
            .named("passwordForm")
            .title(me -> "My account")
            .options(this::securityOptions)
            .secrets("currentPassword", "newPassword");

    AccountConsoleController(UserService users, TwoFactorService twoFactor, SessionService sessions) {
        this.users = users;
        this.twoFactor = twoFactor;
        this.sessions = sessions;
    }

    @GetMapping
    String account(@AuthenticationPrincipal Actor me, Model model) {
        return passwordForm.show(FormValues.empty(), staffUser(me), model);
    }

    @PostMapping("/two-factor/enrol")
    String enrol(@AuthenticationPrincipal Actor me, Model model, RedirectAttributes redirect) {
        try {
            model.addAttribute("enrolment", twoFactor.startEnrolment(me));
            return "identity/account-two-factor";
        } catch (ProblemException problem) {
            redirect.addFlashAttribute("flashError", problem.detail());
            return "redirect:/account";
        }
    }

    @PostMapping("/two-factor/confirm")
    String confirm(@AuthenticationPrincipal Actor me, @RequestParam(defaultValue = "") String code, Model model) {
        try {
            model.addAttribute("recoveryCodes", twoFactor.confirmEnrolment(me, cap(code)));
            return "identity/recovery-codes";
        } catch (ProblemException problem) {
            model.addAttribute("error", "That code is not right. Enter the current code from your app.");
            model.addAttribute("enrolment", twoFactor.startEnrolment(me));
            return "identity/account-two-factor";
        }
    }

    @PostMapping("/two-factor/recovery-codes")
    String regenerate(
            @AuthenticationPrincipal Actor me,
            @RequestParam(defaultValue = "") String code,
            Model model,
            RedirectAttributes redirect) {
        try {
            model.addAttribute("recoveryCodes", twoFactor.regenerateRecoveryCodes(me, cap(code)));
            return "identity/recovery-codes";
        } catch (ProblemException problem) {
            redirect.addFlashAttribute("flashError", "That code is not right; your recovery codes are unchanged.");
            return "redirect:/account";
        }
    }

    @PostMapping("/two-factor/disable")
    String disable(
            @AuthenticationPrincipal Actor me,
            @RequestParam(defaultValue = "") String code,
            RedirectAttributes redirect) {
        try {
            twoFactor.disable(me, cap(code));
            redirect.addFlashAttribute("flash", "Two-factor authentication is off.");
        } catch (ProblemException problem) {
            redirect.addFlashAttribute(
                    "flashError", problem.type().equals("validation") ? "That code is not right." : problem.detail());
        }
        return "redirect:/account";
    }

    @PostMapping("/sessions/{id}/revoke")
    String revokeSession(@AuthenticationPrincipal Actor me, @PathVariable UUID id, RedirectAttributes redirect) {
        sessions.revokeMine(me, id);
        redirect.addFlashAttribute("flash", "Session ended.");
        return "redirect:/account";
    }

    /** The signed-in staff user's record; none for a platform operator, whose page has two-factor and sessions only. */
    private @Nullable UserView staffUser(Actor me) {
        return me.isOperator() ? null : users.get(me.id());
    }

    private void securityOptions(Model model, @Nullable UserView user) {
        Actor me = Actor.current().orElseThrow();
        model.addAttribute("twoFactor", twoFactor.status(me));
        model.addAttribute("sessions", sessions.mine(me));
    }

    private static String cap(String code) {
        return code.length() > 20 ? code.substring(0, 20) : code;
    }

    @PostMapping("/password")
    String changePassword(
            @AuthenticationPrincipal Actor me,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect,
            HttpServletRequest request) {
        return passwordForm.submit(params, staffUser(me), model, redirect, form -> {
            users.changeOwnPassword(me, form.get("currentPassword"), form.get("newPassword"), Clients.of(request));
            return new FormValues.Saved("Password changed; your other sessions have ended.", "/account");
        });
    }
}
