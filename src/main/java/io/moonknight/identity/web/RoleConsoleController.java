package io.moonknight.identity.web;

import io.moonknight.identity.internal.PermissionCatalog;
import io.moonknight.identity.internal.RoleService;
import io.moonknight.identity.internal.RoleView;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.web.ConsoleForms;
import io.moonknight.shared.web.ProblemException;
import jakarta.validation.Valid;
import java.util.HashSet;
import java.util.UUID;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/roles")
@PreAuthorize("hasAuthority('roles:manage')")
class RoleConsoleController {

    private final RoleService roles;
    private final PermissionCatalog catalog;

    RoleConsoleController(RoleService roles, PermissionCatalog catalog) {
        this.roles = roles;
        this.catalog = catalog;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("roles", roles.list());
        return "identity/roles";
    }

    @GetMapping("/new")
    String newRole(Model model) {
        return form(new UserForms.Role(), null, model);
    }

    @PostMapping("/new")
    String create(
            @AuthenticationPrincipal Actor me,
            @Valid @ModelAttribute("form") UserForms.Role form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                RoleView role =
                        roles.create(me, form.getName(), form.getDescription(), new HashSet<>(form.getPermissions()));
                redirect.addFlashAttribute("flash", "Role " + role.name() + " created.");
                return "redirect:/roles";
            } catch (ProblemException problem) {
                ConsoleForms.reject(result, problem);
            }
        }
        return form(form, null, model);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        RoleView role = roles.get(id);
        var form = new UserForms.Role();
        form.setName(role.name());
        form.setDescription(role.description() == null ? "" : role.description());
        form.setPermissions(role.permissions());
        return form(form, role, model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable UUID id,
            @AuthenticationPrincipal Actor me,
            @Valid @ModelAttribute("form") UserForms.Role form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        RoleView role = roles.get(id);
        if (!result.hasErrors()) {
            try {
                roles.update(me, id, form.getName(), form.getDescription(), new HashSet<>(form.getPermissions()));
                redirect.addFlashAttribute("flash", "Role " + form.getName() + " saved.");
                return "redirect:/roles";
            } catch (ProblemException problem) {
                ConsoleForms.reject(result, problem);
            }
        }
        return form(form, role, model);
    }

    @PostMapping("/{id}/two-factor")
    String requireTwoFactor(
            @AuthenticationPrincipal Actor me,
            @PathVariable UUID id,
            @org.springframework.web.bind.annotation.RequestParam boolean required,
            RedirectAttributes redirect) {
        RoleView role = roles.requireTwoFactor(me, id, required);
        redirect.addFlashAttribute(
                "flash",
                required
                        ? "Users with the role " + role.name() + " must now use two-factor authentication."
                        : "Two-factor is no longer required for " + role.name() + ".");
        return "redirect:/roles/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID id, @AuthenticationPrincipal Actor me, RedirectAttributes redirect) {
        RoleView role = roles.get(id);
        try {
            roles.delete(me, id);
            redirect.addFlashAttribute("flash", "Role " + role.name() + " deleted.");
        } catch (ProblemException problem) {
            redirect.addFlashAttribute("flashError", problem.detail());
        }
        return "redirect:/roles";
    }

    private String form(UserForms.Role form, @org.jspecify.annotations.Nullable RoleView role, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("role", role);
        model.addAttribute("pageTitle", role == null ? "New role" : role.name());
        model.addAttribute("groups", catalog.groups());
        return "identity/role-form";
    }
}
