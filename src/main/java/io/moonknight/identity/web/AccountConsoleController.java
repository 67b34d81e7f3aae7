package io.moonknight.identity.web;

import io.moonknight.identity.internal.UserService;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.web.ConsoleForms;
import io.moonknight.shared.web.ProblemException;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A staff user's own account: profile and password. */
@Controller
@RequestMapping("/account")
@PreAuthorize("isAuthenticated() and principal.tenantId != null")
class AccountConsoleController {

    private final UserService users;

    AccountConsoleController(UserService users) {
        this.users = users;
    }

    @GetMapping
    String account(@AuthenticationPrincipal Actor me, Model model) {
        model.addAttribute("me", users.get(me.id()));
        model.addAttribute("passwordForm", new UserForms.OwnPassword());
        return "identity/account";
    }

    @PostMapping("/password")
    String changePassword(
            @AuthenticationPrincipal Actor me,
            @Valid @ModelAttribute("passwordForm") UserForms.OwnPassword form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                users.changeOwnPassword(me, form.getCurrentPassword(), form.getNewPassword());
                redirect.addFlashAttribute("flash", "Password changed; your other sessions have ended.");
                return "redirect:/account";
            } catch (ProblemException problem) {
                ConsoleForms.reject(result, problem);
            }
        }
        form.setCurrentPassword("");
        form.setNewPassword("");
        model.addAttribute("me", users.get(me.id()));
        return "identity/account";
    }
}
