package io.moonknight.identity.web;

import io.moonknight.identity.internal.RoleService;
import io.moonknight.identity.internal.SessionService;
import io.moonknight.identity.internal.TwoFactorService;
import io.moonknight.identity.internal.UserService;
import io.moonknight.identity.internal.UserStatus;
import io.moonknight.identity.internal.UserView;
import io.moonknight.identity.internal.Username;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.web.ConsoleForms;
import io.moonknight.shared.web.Fields;
import io.moonknight.shared.web.ProblemException;
import jakarta.validation.Valid;
import java.util.HashSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/users")
class UserConsoleController {

    private final UserService users;
    private final RoleService roles;
    private final SessionService sessions;
    private final TwoFactorService twoFactor;

    UserConsoleController(UserService users, RoleService roles, SessionService sessions, TwoFactorService twoFactor) {
        this.users = users;
        this.roles = roles;
        this.sessions = sessions;
        this.twoFactor = twoFactor;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('users:read')")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable UserStatus status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String query = q == null ? null : q.strip();
        if (query != null && query.length() > 100) {
            query = query.substring(0, 100);
        }
        model.addAttribute("q", query == null ? "" : query);
        model.addAttribute("status", status);
        model.addAttribute("statuses", UserStatus.values());
        model.addAttribute(
                "page", users.search(query, status, null, PageRequest.of(Math.max(page, 0), 25, Sort.by("username"))));
        return "identity/users";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('users:manage')")
    String newUser(Model model) {
        model.addAttribute("form", new UserForms.NewUser());
        model.addAttribute("roles", roles.list());
        return "identity/user-new";
    }

    @PostMapping("/new")
    @PreAuthorize("hasAuthority('users:manage')")
    String create(
            @AuthenticationPrincipal Actor me,
            @Valid @ModelAttribute("form") UserForms.NewUser form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                UserView user = users.create(
                        me,
                        new io.moonknight.identity.internal.NewUser(
                                Fields.parse("username", form.getUsername(), Username::parse),
                                UserApiController.profile(form.getEmail(), form.getFullName(), form.getPhone()),
                                form.getPassword(),
                                new HashSet<>(form.getRoleIds())));
                redirect.addFlashAttribute("flash", "User " + user.username() + " created.");
                return "redirect:/users/" + user.id();
            } catch (ProblemException problem) {
                ConsoleForms.reject(result, problem);
            }
        }
        form.setPassword("");
        model.addAttribute("roles", roles.list());
        return "identity/user-new";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('users:read')")
    String show(@PathVariable UUID id, Model model) {
        UserView user = users.get(id);
        var profile = new UserForms.Profile();
        profile.setEmail(user.email());
        profile.setFullName(user.fullName());
        profile.setPhone(user.phone() == null ? "" : user.phone());
        var roleForm = new UserForms.Roles();
        roleForm.setRoleIds(user.roles().stream().map(UserView.RoleRef::id).toList());
        return detail(user, profile, roleForm, new UserForms.Password(), model);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('users:manage')")
    String updateProfile(
            @PathVariable UUID id,
            @AuthenticationPrincipal Actor me,
            @Valid @ModelAttribute("profile") UserForms.Profile form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                users.changeProfile(
                        me, id, UserApiController.profile(form.getEmail(), form.getFullName(), form.getPhone()));
                redirect.addFlashAttribute("flash", "Contact details saved.");
                return "redirect:/users/" + id;
            } catch (ProblemException problem) {
                ConsoleForms.reject(result, problem);
            }
        }
        UserView user = users.get(id);
        var roleForm = new UserForms.Roles();
        roleForm.setRoleIds(user.roles().stream().map(UserView.RoleRef::id).toList());
        return detail(user, form, roleForm, new UserForms.Password(), model);
    }

    @PostMapping("/{id}/roles")
    @PreAuthorize("hasAuthority('users:manage')")
    String assignRoles(
            @PathVariable UUID id,
            @AuthenticationPrincipal Actor me,
            @ModelAttribute("roleForm") UserForms.Roles form,
            RedirectAttributes redirect) {
        try {
            users.assignRoles(me, id, new HashSet<>(form.getRoleIds()));
            redirect.addFlashAttribute("flash", "Roles saved.");
        } catch (ProblemException problem) {
            if (problem.status().is4xxClientError() && problem.status().value() == 404) {
                throw problem;
            }
            redirect.addFlashAttribute("flashError", problem.detail());
        }
        return "redirect:/users/" + id;
    }

    @PostMapping("/{id}/password")
    @PreAuthorize("hasAuthority('users:manage')")
    String resetPassword(
            @PathVariable UUID id,
            @AuthenticationPrincipal Actor me,
            @Valid @ModelAttribute("passwordForm") UserForms.Password form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                users.resetPassword(me, id, form.getPassword());
                redirect.addFlashAttribute("flash", "Password reset; the user's sessions have ended.");
                return "redirect:/users/" + id;
            } catch (ProblemException problem) {
                ConsoleForms.reject(result, problem);
            }
        }
        form.setPassword("");
        UserView user = users.get(id);
        var profile = new UserForms.Profile();
        profile.setEmail(user.email());
        profile.setFullName(user.fullName());
        profile.setPhone(user.phone() == null ? "" : user.phone());
        var roleForm = new UserForms.Roles();
        roleForm.setRoleIds(user.roles().stream().map(UserView.RoleRef::id).toList());
        return detail(user, profile, roleForm, form, model);
    }

    @PostMapping("/{id}/disable")
    @PreAuthorize("hasAuthority('users:manage')")
    String disable(@PathVariable UUID id, @AuthenticationPrincipal Actor me, RedirectAttributes redirect) {
        return statusChange(id, redirect, "User disabled; their sessions have ended.", () -> users.disable(id, me));
    }

    @PostMapping("/{id}/enable")
    @PreAuthorize("hasAuthority('users:manage')")
    String enable(@PathVariable UUID id, @AuthenticationPrincipal Actor me, RedirectAttributes redirect) {
        return statusChange(id, redirect, "User enabled.", () -> users.enable(me, id));
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize("hasAuthority('users:manage')")
    String unlock(@PathVariable UUID id, @AuthenticationPrincipal Actor me, RedirectAttributes redirect) {
        return statusChange(id, redirect, "User unlocked; they can log in again.", () -> users.unlock(me, id));
    }

    @PostMapping("/{id}/logout")
    @PreAuthorize("hasAuthority('users:manage')")
    String forceLogout(@PathVariable UUID id, @AuthenticationPrincipal Actor me, RedirectAttributes redirect) {
        return statusChange(id, redirect, null, () -> {
            int ended = sessions.forceLogout(me, id);
            redirect.addFlashAttribute("flash", ended + " session(s) ended.");
        });
    }

    @PostMapping("/{id}/two-factor/reset")
    @PreAuthorize("hasAuthority('users:manage')")
    String resetTwoFactor(@PathVariable UUID id, @AuthenticationPrincipal Actor me, RedirectAttributes redirect) {
        return statusChange(
                id,
                redirect,
                "Two-factor authentication reset; the user's sessions have ended.",
                () -> twoFactor.reset(me, id));
    }

    private String statusChange(UUID id, RedirectAttributes redirect, @Nullable String message, Runnable change) {
        try {
            change.run();
            if (message != null) {
                redirect.addFlashAttribute("flash", message);
            }
        } catch (ProblemException problem) {
            if (problem.status().value() == 404) {
                throw problem;
            }
            redirect.addFlashAttribute("flashError", problem.detail());
        }
        return "redirect:/users/" + id;
    }

    private String detail(
            UserView user,
            UserForms.Profile profile,
            UserForms.Roles roleForm,
            UserForms.Password passwordForm,
            Model model) {
        model.addAttribute("user", user);
        model.addAttribute("profile", profile);
        model.addAttribute("roleForm", roleForm);
        model.addAttribute("passwordForm", passwordForm);
        model.addAttribute("roles", roles.list());
        model.addAttribute("sessions", sessions.ofUser(user.id()));
        return "identity/user";
    }
}
